#!/usr/bin/env bash
# ganiqa as a library, checked as a user would (README, "From Java"): installs the artifacts from this tree
# (mvn install, with sources and javadoc jars), then builds a separate Maven project that imports ganiqa-bom,
# depends on ganiqa-metrics and on the TF natives of this machine only (the consumer's choice), compiles README's
# Java example into it, runs it on two folders of Fashion-MNIST images, and fails if the dependency tree holds a TF
# native library of another OS or ONNX Runtime (optional in ganiqa-metrics).
#   scripts/consumer-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
version="$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -1)"
mvn -q -B install -DskipTests
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/main/java"
awk '/<!-- api-example -->/{f=1;next} f&&/^```java/{g=1;next} g&&/^```/{exit} g' README.md > "$work/src/main/java/FidExample.java"
cat > "$work/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId><artifactId>fid-example</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencyManagement><dependencies>
    <dependency><groupId>dev.ganiqa</groupId><artifactId>ganiqa-bom</artifactId><version>$version</version><type>pom</type><scope>import</scope></dependency>
  </dependencies></dependencyManagement>
  <dependencies>
    <dependency><groupId>dev.ganiqa</groupId><artifactId>ganiqa-metrics</artifactId></dependency>
    <dependency><groupId>org.tensorflow</groupId><artifactId>tensorflow-core-native</artifactId><version>1.0.0</version><classifier>linux-x86_64</classifier><scope>runtime</scope></dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
  </plugins></build>
</project>
EOF
cd "$work"
mvn -q -B dependency:tree -DoutputFile=tree.txt
if grep -E "tensorflow-core-native:jar:(linux-arm64|macosx|windows)|tensorflow-core-platform|onnxruntime" tree.txt; then
  echo "consumer-check: the dependency tree holds natives of another OS or ONNX Runtime" >&2
  exit 1
fi
mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=cp.txt
"$root/ganiqa" datasets export fashion-mnist --split test --limit 300 --out "$work/real" >/dev/null
"$root/ganiqa" datasets export fashion-mnist --split train --limit 300 --out "$work/fake" >/dev/null
java -Dganiqa.cache="$work/cache" -cp "target/classes:$(cat cp.txt)" FidExample "$work/fake" "$work/real" | tee out.txt
grep -q "^FID " out.txt && grep -q "precision (" out.txt
echo "consumer-check: ok (ganiqa-metrics $version from the BOM, README's example ran; no other OS's natives)"
