# OsMEN Studio on AWS in queue mode: a VPC, RDS PostgreSQL, ElastiCache Redis, the app on ECS Fargate behind an
# HTTPS Application Load Balancer with an ACM certificate, and the workers on ECS Fargate. See deploy/README.md
# for the steps (terraform init / plan / apply).
terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = { Project = var.name }
  }
}
