{{/*
Chart name, truncated to 63 characters.
*/}}
{{- define "rotator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name: <release>-<chart>, or the release name when it already contains the chart name.
*/}}
{{- define "rotator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "rotator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of every pod of the release (server and one-shot): stable across upgrades, so no
chart or app version here. Used by the NetworkPolicy.
*/}}
{{- define "rotator.instanceLabels" -}}
app.kubernetes.io/name: {{ include "rotator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Selector labels of the server pods (Deployment, Service, PDB, ServiceMonitor). The
component keeps one-shot CronJob pods out of the Service and the PodDisruptionBudget.
*/}}
{{- define "rotator.selectorLabels" -}}
{{ include "rotator.instanceLabels" . }}
app.kubernetes.io/component: server
{{- end }}

{{/*
Common labels.
*/}}
{{- define "rotator.labels" -}}
helm.sh/chart: {{ include "rotator.chart" . }}
{{ include "rotator.instanceLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: genesys-secret-rotator
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "rotator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "rotator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference of {registry, repository, tag, digest} with a default tag, as
[global.imageRegistry or registry/]repository, then @digest if set, else :tag.
Called with (dict "image" ... "defaultTag" ... "global" ...).
*/}}
{{- define "rotator.imageReference" -}}
{{- $registry := .image.registry | default "" }}
{{- if and .global .global.imageRegistry }}
{{- $registry = .global.imageRegistry }}
{{- end }}
{{- $name := .image.repository }}
{{- if $registry }}
{{- $name = printf "%s/%s" (trimSuffix "/" $registry) .image.repository }}
{{- end }}
{{- if .image.digest }}
{{- printf "%s@%s" $name .image.digest }}
{{- else }}
{{- printf "%s:%s" $name (.image.tag | default .defaultTag) }}
{{- end }}
{{- end }}

{{/*
The rotator image: digest if set, else the tag, else the chart's appVersion. Never "latest".
*/}}
{{- define "rotator.image" -}}
{{- include "rotator.imageReference" (dict "image" .Values.image "defaultTag" .Chart.AppVersion "global" .Values.global) }}
{{- end }}

{{/*
The helm test hook's image.
*/}}
{{- define "rotator.testImage" -}}
{{- include "rotator.imageReference" (dict "image" .Values.tests.image "defaultTag" "" "global" .Values.global) }}
{{- end }}

{{/*
A probe: the values' custom probe when set, else an HTTP GET of path on the API port with
the values' timings. Called with (dict "probe" .Values.probes.x "path" "/livez").
*/}}
{{- define "rotator.probe" -}}
{{- if .probe.custom }}
{{- toYaml .probe.custom }}
{{- else }}
httpGet:
  path: {{ .path }}
  port: http
initialDelaySeconds: {{ .probe.initialDelaySeconds }}
periodSeconds: {{ .probe.periodSeconds }}
failureThreshold: {{ .probe.failureThreshold }}
timeoutSeconds: {{ .probe.timeoutSeconds }}
{{- end }}
{{- end }}

{{- define "rotator.configDir" -}}/etc/genesys-secret-rotator/config/{{- end }}
{{- define "rotator.secretsDir" -}}/etc/genesys-secret-rotator/secrets/{{- end }}
{{- define "rotator.vaultCaDir" -}}/etc/genesys-secret-rotator/vault-ca/{{- end }}

{{- define "rotator.vaultCaEnabled" -}}
{{- if or .Values.vault.caBundle.configMapName .Values.vault.caBundle.secretName }}true{{- end }}
{{- end }}

{{/*
Environment shared by the Deployment and the one-shot CronJobs.
*/}}
{{- define "rotator.env" -}}
- name: ROTATOR_INSTANCE_ID
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: SPRING_CONFIG_ADDITIONAL_LOCATION
  value: optional:file:{{ include "rotator.configDir" . }}
{{- if .Values.existingSecret }}
- name: SPRING_CONFIG_IMPORT
  value: optional:file:{{ include "rotator.secretsDir" . }}security.yml
{{- end }}
- name: JAVA_TOOL_OPTIONS
  value: {{ .Values.javaToolOptions | quote }}
{{- if .Values.logFormat }}
- name: LOGGING_STRUCTURED_FORMAT_CONSOLE
  value: {{ .Values.logFormat | quote }}
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Environment sources shared by the Deployment and the one-shot CronJobs (empty: none).
*/}}
{{- define "rotator.envFrom" -}}
{{- with .Values.extraEnvFrom }}
envFrom:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/*
Volume mounts shared by the Deployment and the one-shot CronJobs.
*/}}
{{- define "rotator.volumeMounts" -}}
- name: config
  mountPath: {{ include "rotator.configDir" . }}
  readOnly: true
{{- if .Values.existingSecret }}
- name: secrets
  mountPath: {{ include "rotator.secretsDir" . }}
  readOnly: true
{{- end }}
{{- if include "rotator.vaultCaEnabled" . }}
- name: vault-ca
  mountPath: {{ include "rotator.vaultCaDir" . }}
  readOnly: true
{{- end }}
- name: tmp
  mountPath: /tmp
{{- with .Values.extraVolumeMounts }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "rotator.volumes" -}}
- name: config
  configMap:
    name: {{ include "rotator.fullname" . }}
{{- if .Values.existingSecret }}
- name: secrets
  secret:
    secretName: {{ .Values.existingSecret }}
    items:
      - key: security.yml
        path: security.yml
{{- end }}
{{- with .Values.vault.caBundle }}
{{- if .configMapName }}
- name: vault-ca
  configMap:
    name: {{ .configMapName }}
    items:
      - key: {{ .key }}
        path: ca.pem
{{- else if .secretName }}
- name: vault-ca
  secret:
    secretName: {{ .secretName }}
    items:
      - key: {{ .key }}
        path: ca.pem
{{- end }}
{{- end }}
- name: tmp
  emptyDir:
    sizeLimit: 256Mi
{{- with .Values.extraVolumes }}
{{ toYaml . }}
{{- end }}
{{- end }}
