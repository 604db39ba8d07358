output "url" {
  description = "The app's address."
  value       = "https://${var.domain_name}"
}

output "load_balancer_dns_name" {
  description = "The load balancer's own name (the domain points at it)."
  value       = aws_lb.main.dns_name
}

output "database_endpoint" {
  description = "The RDS endpoint (host:port), reachable from the app's subnets only."
  value       = aws_db_instance.main.endpoint
}

output "redis_endpoint" {
  description = "The ElastiCache primary endpoint (TLS, port 6379), reachable from the app and worker tasks only."
  value       = aws_elasticache_replication_group.main.primary_endpoint_address
}
