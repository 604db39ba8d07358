# OsMEN Studio on AWS: a VPC, RDS PostgreSQL, and the app on ECS Fargate behind an HTTPS Application Load
# Balancer with an ACM certificate. See deploy/README.md for the steps (terraform init / plan / apply).
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
