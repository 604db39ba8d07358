# The app's secrets, in Secrets Manager, handed to the app and worker tasks as environment variables (never in
# the task definitions' plain text): the database URL, the Redis URL, the vault key and the session secret of
# server/env.mjs.
# Provider keys (OPENAI_API_KEY, ...) can be added the same way, or stored per user in Settings.
resource "random_bytes" "vault_key" {
  length = 32
}

resource "random_password" "auth_secret" {
  length  = 48
  special = false
}

locals {
  app_secrets = {
    # Encrypted to RDS inside the VPC. To verify the server's certificate as well, use sslmode=verify-full and
    # add Amazon's RDS CA bundle to the image (NODE_EXTRA_CA_CERTS).
    DATABASE_URL       = "postgresql://osmen:${random_password.database.result}@${aws_db_instance.main.endpoint}/osmen?uselibpqcompat=true&sslmode=require"
    OSMEN_SECRET_KEY   = random_bytes.vault_key.base64
    BETTER_AUTH_SECRET = random_password.auth_secret.result
    # rediss://: ElastiCache encrypts in transit (redis.tf); the password is its auth token.
    REDIS_URL = "rediss://:${random_password.redis.result}@${aws_elasticache_replication_group.main.primary_endpoint_address}:6379"
  }
}

resource "aws_secretsmanager_secret" "app" {
  for_each = local.app_secrets
  name     = "${var.name}/${each.key}"
}

resource "aws_secretsmanager_secret_version" "app" {
  for_each      = local.app_secrets
  secret_id     = aws_secretsmanager_secret.app[each.key].id
  secret_string = each.value
}
