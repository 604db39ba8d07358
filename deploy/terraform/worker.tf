# The queue-mode workers on ECS Fargate: the worker image (`docker build --target worker`, CMD `npm run worker`
# as one process) with the app's secrets (REDIS_URL, DATABASE_URL, the vault key) and settings. No load
# balancer: the workers take runs from Redis; their port serves probes and metrics only. On a deployment or a
# scale-in ECS sends SIGTERM, the worker lets its runs finish for OSMEN_SHUTDOWN_MS and ends the rest
# `interrupted`; stopTimeout leaves it longer than that before the SIGKILL.
resource "aws_cloudwatch_log_group" "worker" {
  name              = "/ecs/${var.name}-worker"
  retention_in_days = 30
}

locals {
  # Every name is a variable of server/env.mjs. The app's settings (model providers, limits) apply to the
  # workers too; worker_environment adds or overrides.
  worker_environment = merge({
    OSMEN_WORKER_PORT        = "3001"
    OSMEN_WORKER_CONCURRENCY = "50"
    OSMEN_STALLED_MS         = "30000"
    OSMEN_SHUTDOWN_MS        = "30000"
  }, local.app_environment, var.worker_environment)
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "${var.name}-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.worker_task_cpu
  memory                   = var.worker_task_memory
  execution_role_arn       = aws_iam_role.execution.arn
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
  container_definitions = jsonencode([
    {
      name        = "worker"
      image       = var.worker_image
      essential   = true
      stopTimeout = 60
      environment = [for key, value in local.worker_environment : { name = key, value = value }]
      secrets     = [for key, secret in aws_secretsmanager_secret.app : { name = key, valueFrom = secret.arn }]
      healthCheck = {
        command     = ["CMD", "node", "-e", "fetch('http://127.0.0.1:3001/health/live').then((response) => process.exit(response.ok ? 0 : 1), () => process.exit(1))"]
        interval    = 15
        timeout     = 5
        retries     = 3
        startPeriod = 30
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.worker.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "worker"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "worker" {
  name            = "worker"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.worker.arn
  launch_type     = "FARGATE"
  desired_count   = var.worker_count
  # A new worker starts before an old one stops, so runs keep being taken during a deployment.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.worker.id]
    assign_public_ip = false
  }
}
