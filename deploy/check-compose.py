#!/usr/bin/env python3
"""Checks deploy/docker-compose.yml and deploy/Dockerfile against the repository without a Docker daemon.

Runs `docker compose config` too when the compose plugin is installed. Exit code 0 when everything holds.
Needs PyYAML (Debian: python3-yaml, installed by deploy/install-system-packages.sh).
"""
import pathlib
import re
import shutil
import subprocess
import sys

import yaml

DEPLOY = pathlib.Path(__file__).resolve().parent
ROOT = DEPLOY.parent
REQUIRED_ENVIRONMENT = ["Database__Provider", "Database__ConnectionString", "Kafka__BootstrapServers",
                        "Mail__SupportAddress", "Mail__MessageIdDomain"]
problems = []

compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
services = compose.get("services") or {}
built = {}
for name, service in services.items():
    build = service.get("build")
    if build:
        if (DEPLOY / build.get("context", ".")).resolve() != ROOT:
            problems.append(f"{name}: build context must be the repository root")
        dockerfile = ROOT / build.get("dockerfile", "Dockerfile")
        if not dockerfile.is_file():
            problems.append(f"{name}: {dockerfile} does not exist")
        project = (build.get("args") or {}).get("PROJECT")
        if not project or not (ROOT / "src" / project / f"{project}.csproj").is_file():
            problems.append(f"{name}: build argument PROJECT={project!r} is not a project under src/")
        built[project] = name
        environment = service.get("environment") or {}
        missing = [key for key in REQUIRED_ENVIRONMENT if key not in environment]
        if missing:
            problems.append(f"{name}: environment lacks {', '.join(missing)}")
    for dependency in service.get("depends_on") or {}:
        if dependency not in services:
            problems.append(f"{name}: depends on unknown service {dependency}")

deployables = sorted(p.name for p in (ROOT / "src").iterdir() if p.name.endswith(".Worker") or p.name == "Admin.Api")
for deployable in deployables + ["SuperTickets.Cli"]:
    if deployable not in built:
        problems.append(f"no service builds {deployable}")

ingest = services.get(built.get("Ingest.Worker", ""), {})
if "Ingest__DropFolders__0__Path" not in (ingest.get("environment") or {}):
    problems.append("the ingest service has no drop folder (Ingest__DropFolders__0__Path)")

contracts = (ROOT / "src/Shared/SuperTickets.Contracts/Topics.cs").read_text()
topics_command = " ".join(services.get("topics", {}).get("command") or [])
for topic in re.findall(r'"supertickets\.([a-z.]+)\.v1"', contracts):
    if topic not in topics_command:
        problems.append(f"the topics service does not create supertickets.{topic}.v1")

dockerfile = (DEPLOY / "Dockerfile").read_text()
if len(re.findall(r"^FROM ", dockerfile, re.M)) < 2:
    problems.append("Dockerfile: expected a multi-stage build")
if not re.search(r"^USER \$APP_UID", dockerfile, re.M):
    problems.append("Dockerfile: the runtime stage must switch to the unprivileged app user")
if "librdkafka1" not in dockerfile:
    problems.append("Dockerfile: the runtime image must install librdkafka1")

if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
    result = subprocess.run(["docker", "compose", "-f", str(DEPLOY / "docker-compose.yml"), "config", "-q"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        problems.append("docker compose config: " + result.stderr.strip())

if problems:
    print("\n".join("compose check: " + p for p in problems), file=sys.stderr)
    sys.exit(1)
print(f"compose check passed: {len(services)} services; images for {', '.join(sorted(built))}")
