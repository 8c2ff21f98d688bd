{{/* The release's name for every object, at most 63 characters (DNS label) */}}
{{- define "issuetracker.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* What selects the application's pods: stable across upgrades (a Deployment's selector cannot change) */}}
{{- define "issuetracker.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end -}}

{{- define "issuetracker.labels" -}}
{{ include "issuetracker.selectorLabels" . }}
app.kubernetes.io/version: {{ include "issuetracker.imageTag" . | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: issuetracker
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
issuetracker.org/server: {{ .Values.server }}
{{- end -}}

{{/* The pods' labels: without the chart's version, so that a new chart alone does not roll the pods */}}
{{- define "issuetracker.podLabels" -}}
{{ include "issuetracker.selectorLabels" . }}
app.kubernetes.io/version: {{ include "issuetracker.imageTag" . | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/part-of: issuetracker
issuetracker.org/server: {{ .Values.server }}
{{- end -}}

{{- define "issuetracker.imageTag" -}}
{{- if eq .Values.image.tag "latest" -}}
{{- fail "image.tag latest: a rollout would run whatever the tag names when each pod starts, and a rollback could not go back. Give a version (or image.digest)" -}}
{{- end -}}
{{- .Values.image.tag | default .Chart.AppVersion -}}
{{- end -}}

{{/* repository:tag, or repository@digest when a digest is given; never latest (values.schema.json) */}}
{{- define "issuetracker.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (include "issuetracker.imageTag" .) -}}
{{- end -}}
{{- end -}}

{{/* The headless Service through which the Payara pods find each other (Hazelcast's Kubernetes discovery) */}}
{{- define "issuetracker.membersService" -}}
{{- printf "%s-members" (include "issuetracker.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

