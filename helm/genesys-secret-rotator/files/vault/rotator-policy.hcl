# Vault policy for genesys-secret-rotator.
#
#   vault policy write genesys-secret-rotator rotator-policy.hcl
#
# Assumes the defaults: KV v2 mount "secret" (rotator.vault.kv-mount), consumer paths and
# admin paths under "genesys/" (each credential's vault-path and each org's
# admin-vault-path), and state records under "genesys-rotator/state"
# (rotator.vault.state-prefix). Change the paths if you changed those settings; list
# consumer paths one by one if "genesys/*" is wider than you want.
#
# The rotator never deletes or destroys versions and never needs "list".

# Consumer paths: the rotator publishes every rotation as a new KV version (with
# check-and-set) and reads the path to bootstrap and to verify ownership.
path "secret/data/genesys/*" {
  capabilities = ["create", "read", "update"]
}

# custom_metadata (managed-by, credential) on the consumer paths, written as a merge
# patch ("patch") so the path's max_versions, cas_required and delete_version_after stay
# as you set them.
path "secret/metadata/genesys/*" {
  capabilities = ["read", "update", "patch"]
}

# State records (lease, journal, slots, history). They hold every client's secret: no
# other policy should grant access to this prefix.
path "secret/data/genesys-rotator/state/*" {
  capabilities = ["create", "read", "update"]
}

path "secret/metadata/genesys-rotator/state/*" {
  capabilities = ["read", "update"]
}

# Preflight: "may I write this consumer path?" without writing it.
path "sys/capabilities-self" {
  capabilities = ["update"]
}
