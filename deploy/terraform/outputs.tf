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
