variable "name" {
  description = "Prefix of every resource's name."
  type        = string
  default     = "osmen-studio"
}

variable "region" {
  description = "AWS region, e.g. eu-west-1."
  type        = string
  default     = "eu-west-1"
}

variable "domain_name" {
  description = "The public host name people open, e.g. studio.example.com (becomes OSMEN_ORIGIN)."
  type        = string
}

variable "route53_zone_id" {
  description = "The Route 53 hosted zone of domain_name: the ACM certificate is validated and the name pointed at the load balancer there."
  type        = string
}

variable "image" {
  description = "The app's container image (built from the repository's Dockerfile), e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/osmen-studio:1.0.0."
  type        = string
}

variable "worker_image" {
  description = "The worker's container image (the same Dockerfile, `docker build --target worker`), e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/osmen-studio-worker:1.0.0; tag it as the app's image."
  type        = string
}

variable "app_count" {
  description = "App tasks behind the load balancer."
  type        = number
  default     = 2
}

variable "worker_count" {
  description = "Worker tasks; each executes OSMEN_WORKER_CONCURRENCY runs at once."
  type        = number
  default     = 2
}

variable "vpc_cidr" {
  description = "Address range of the VPC."
  type        = string
  default     = "10.40.0.0/16"
}

variable "task_cpu" {
  description = "Fargate CPU units of the app task (1024 = 1 vCPU)."
  type        = number
  default     = 1024
}

variable "task_memory" {
  description = "Fargate memory of the app task, in MiB."
  type        = number
  default     = 2048
}

variable "worker_task_cpu" {
  description = "Fargate CPU units of a worker task (1024 = 1 vCPU)."
  type        = number
  default     = 1024
}

variable "worker_task_memory" {
  description = "Fargate memory of a worker task, in MiB."
  type        = number
  default     = 2048
}

variable "redis_node_type" {
  description = "ElastiCache node type of the Redis primary and its replica."
  type        = string
  default     = "cache.t4g.small"
}

variable "db_instance_class" {
  description = "RDS instance class of the PostgreSQL database."
  type        = string
  default     = "db.t4g.small"
}

variable "db_allocated_storage" {
  description = "RDS storage, in GiB."
  type        = number
  default     = 20
}

variable "app_environment" {
  description = "Further non-secret variables of server/env.mjs for the app, e.g. { OLLAMA_HOST = \"http://ollama.internal:11434\" }."
  type        = map(string)
  default     = {}
}

variable "worker_environment" {
  description = "Further non-secret variables of server/env.mjs for the workers only, e.g. { OSMEN_WORKER_CONCURRENCY = \"100\" }; app_environment applies to them too."
  type        = map(string)
  default     = {}
}
