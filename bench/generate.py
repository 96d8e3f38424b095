#!/usr/bin/env python3
"""Writes a benchmark service of N functions with mixed events into a directory (a pom project + serverless.yml)."""
import os, subprocess, sys, tempfile, zipfile

def main(directory, n, plugin_version, events=True):
    os.makedirs(os.path.join(directory, "target"), exist_ok=True)
    jar = os.path.join(directory, "target", "app.jar")
    # Real handler classes: package checks that every handler exists in the artifact.
    with tempfile.TemporaryDirectory() as work:
        sources = []
        os.makedirs(os.path.join(work, "com", "example"))
        for i in range(n):
            path = os.path.join(work, "com", "example", f"Fn{i}.java")
            with open(path, "w") as f:
                f.write(f"package com.example; public class Fn{i} {{ public String handleRequest(Object in) "
                        f"{{ return \"{i}\"; }} }}")
            sources.append(path)
        classes = os.path.join(work, "classes")
        subprocess.run(["javac", "--release", "17", "-d", classes] + sources, check=True)
        with zipfile.ZipFile(jar, "w") as z:
            for root, _, files in os.walk(classes):
                for name in sorted(files):
                    full = os.path.join(root, name)
                    z.write(full, os.path.relpath(full, classes))
    lines = ["service: bench", "provider:", "  name: aws", "  runtime: java21", "package:",
             "  artifact: target/app.jar", "functions:"]
    for i in range(n):
        lines += [f"  fn{i}:", f"    handler: com.example.Fn{i}::handleRequest"]
        if events:
            # One in eight functions has an http event: the REST API's shared resources stay in the root stack,
            # so more would push the root past 500 resources at 1,000 functions.
            kind = i % 8
            lines.append("    events:")
            if kind == 0:
                lines.append(f"      - http: GET /items{i}/{{id}}")
            elif kind in (1, 2):
                lines.append(f"      - sqs: arn:aws:sqs:us-east-1:123456789012:queue{i}")
            elif kind in (3, 4, 5):
                lines.append(f"      - schedule: rate({i + 1} minutes)")
            else:
                lines.append(f"      - sns: arn:aws:sns:us-east-1:123456789012:topic{i}")
    with open(os.path.join(directory, "serverless.yml"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(directory, "pom.xml"), "w") as f:
        f.write(f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench-{n}</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>io.github.serverlessmaven</groupId><artifactId>serverless-maven-plugin</artifactId>
    <version>{plugin_version}</version>
    <!-- Bound to no phase: bench/run calls it as serverless:package@again after serverless:package, to time a
         second full package in the same Maven process (another stage, so nothing is kept from the first). -->
    <executions><execution><id>again</id><configuration><stage>again</stage></configuration></execution></executions>
  </plugin></plugins></build>
</project>
""")

if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], events=(len(sys.argv) < 5 or sys.argv[4] != "--no-events"))
