package org.daysofchaos.agents.kubernetes;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.experiments.kubernetes.ConfigChange;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;

/**
 * {@code kubernetes/config-change}: sets a text key of a ConfigMap; the revert restores its exact
 * previous value, or removes a key that did not exist.
 */
@AutoService(KubernetesFaultInjector.class)
public final class ConfigChangeInjector extends KubernetesFaultInjector<ConfigChange> {
  private static final String KEY = "key";
  private static final String PRESENT = "originalPresent";
  private static final String VALUE = "originalValue";

  public ConfigChangeInjector(KubernetesBackend backend) {
    super(ConfigChange.class, backend);
  }

  @Override
  Map<String, String> originals() {
    return Map.of(
        KEY, Annotations.CONFIG_KEY,
        PRESENT, Annotations.ORIGINAL_PRESENT,
        VALUE, Annotations.ORIGINAL_VALUE);
  }

  @Override
  Mark apply(ConfigChange fault, Target target, KubernetesTarget where, InjectionContext context) {
    String ns = namespace(where);
    Guard.namespace(client(), target, ns);
    ConfigMap configMap = client().configMaps().inNamespace(ns).withName(where.name()).get();
    String object = where.describeObject();
    if (configMap == null) {
      throw new IllegalStateException(
          "target "
              + target.name()
              + ": there is no configmap "
              + where.name()
              + " in namespace "
              + ns);
    }
    Guard.notInjected(target, object, configMap);
    if (Boolean.TRUE.equals(configMap.getImmutable())) {
      throw new IllegalStateException(
          "target " + target.name() + ": " + object + " is immutable; it cannot be changed");
    }
    if (Mark.orEmpty(configMap.getBinaryData()).containsKey(fault.key())) {
      throw new IllegalStateException(
          "target "
              + target.name()
              + ": key "
              + fault.key()
              + " of "
              + object
              + " is binary data; only text keys can be changed");
    }
    Map<String, String> data = new LinkedHashMap<>(Mark.orEmpty(configMap.getData()));
    Map<String, String> originals = new LinkedHashMap<>();
    originals.put(KEY, fault.key());
    originals.put(PRESENT, Boolean.toString(data.containsKey(fault.key())));
    if (data.containsKey(fault.key())) {
      originals.put(VALUE, data.get(fault.key()));
    }
    Mark mark = mark("configmap", ns, where.name(), context, originals);
    markOn(mark, configMap.getMetadata());
    data.put(fault.key(), fault.value());
    configMap.setData(data);
    client().resource(configMap).update();
    return mark;
  }

  private ConfigMap configMap(Mark mark) {
    return client().configMaps().inNamespace(mark.namespace()).withName(mark.name()).get();
  }

  @Override
  void revert(Mark mark) {
    Reverts.retryOnConflict(
        () -> {
          ConfigMap configMap = configMap(mark);
          if (configMap == null || !mark.isOn(configMap)) {
            return;
          }
          Map<String, String> data = new LinkedHashMap<>(Mark.orEmpty(configMap.getData()));
          String key = Reverts.required(mark, KEY);
          if (wasPresent(mark)) {
            data.put(key, mark.original(VALUE).orElse(""));
          } else {
            data.remove(key);
          }
          configMap.setData(data);
          unmark(configMap.getMetadata());
          client().resource(configMap).update();
        });
  }

  @Override
  Optional<String> residue(Mark mark) {
    ConfigMap configMap = configMap(mark);
    if (configMap == null) {
      return Optional.empty();
    }
    if (mark.isOn(configMap)) {
      return Optional.of(mark.object() + " still carries injection " + mark.injection());
    }
    String key = Reverts.required(mark, KEY);
    Map<String, String> data = Mark.orEmpty(configMap.getData());
    boolean present = wasPresent(mark);
    String original = present ? mark.original(VALUE).orElse("") : null;
    if (!Objects.equals(data.get(key), original)) {
      return Optional.of(
          mark.object()
              + ": key "
              + key
              + (data.containsKey(key) ? " differs from its value before the fault" : " is absent")
              + (present ? "" : ", and it did not exist before the fault"));
    }
    return Optional.empty();
  }

  private static boolean wasPresent(Mark mark) {
    return Boolean.parseBoolean(Reverts.required(mark, PRESENT));
  }
}
