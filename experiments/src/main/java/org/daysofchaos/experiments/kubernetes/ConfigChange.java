package org.daysofchaos.experiments.kubernetes;

import com.google.auto.service.AutoService;
import java.util.regex.Pattern;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.SpecException;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget.Resource;

/**
 * The bad configuration of a game day: sets one key of a ConfigMap; the revert puts back the exact
 * previous value (or removes the key if it was absent). Pods see the change when they read the
 * ConfigMap again: mounted files are refreshed by the kubelet, environment variables only on a
 * restart.
 */
@AutoService(FaultSpec.class)
@Kind(
    value = "kubernetes/config-change",
    targets = KubernetesTarget.class,
    doc = "Sets a key of a ConfigMap to a bad value; the revert restores the exact previous value.")
@Resources(Resource.CONFIG_MAP)
public record ConfigChange(
    @Doc("The target (a configMap) to change.") String target,
    @Doc("The key of the ConfigMap's data to set.") String key,
    @Doc("The value during the fault.") String value)
    implements FaultSpec {

  private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");

  public ConfigChange {
    if (key.length() > 253 || !KEY.matcher(key).matches()) {
      throw new SpecException(
          "key",
          "'"
              + key
              + "' is not a ConfigMap key; use letters, digits, '-', '_' and '.', at most 253"
              + " characters");
    }
  }

  @Override
  public String describe() {
    return "set " + key + " to " + Quoting.shorten(value);
  }
}
