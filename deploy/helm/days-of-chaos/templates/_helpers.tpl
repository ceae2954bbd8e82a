{{- define "chaos.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "chaos.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "chaos.labels" -}}
app.kubernetes.io/name: {{ include "chaos.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "chaos.selector" -}}
app.kubernetes.io/name: {{ include "chaos.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "chaos.serviceAccount" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "chaos.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "chaos.databaseSecret" -}}
{{- default (printf "%s-database" (include "chaos.fullname" .)) .Values.database.existingSecret -}}
{{- end -}}

{{- define "chaos.metricsSecret" -}}
{{- default (printf "%s-metrics" (include "chaos.fullname" .)) .Values.metrics.existingSecret -}}
{{- end -}}

{{/* The rules the Kubernetes faults need inside a targeted namespace (docs/kubernetes.md). */}}
{{- define "chaos.namespaceRules" -}}
# kubernetes/pod-kill deletes pods; pods-ready, restarts and the dry run read them.
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "delete"]
# kubernetes/node-cordon with drain: true evicts pods (PodDisruptionBudgets apply).
- apiGroups: [""]
  resources: ["pods/eviction"]
  verbs: ["create"]
# the restarts probe and the dry run show recent warning events.
- apiGroups: [""]
  resources: ["events"]
  verbs: ["list"]
# kubernetes/config-change.
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list", "update"]
# kubernetes/scale, rollout-restart, env-change, bad-rollout; available-replicas reads.
- apiGroups: ["apps"]
  resources: ["deployments", "statefulsets"]
  verbs: ["get", "list", "update"]
# kubernetes/partition creates, and its revert deletes, its own deny-all policy.
- apiGroups: ["networking.k8s.io"]
  resources: ["networkpolicies"]
  verbs: ["get", "list", "create", "delete"]
{{- end -}}
