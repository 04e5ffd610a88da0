package org.autocollections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Kubernetes manifests written by {@code package} (target/kubernetes/kubernetes.yml) as an operator applies them:
 * the probes ask the packaged service's real health endpoints on the port it listens on, the connection comes from
 * the Secret, the policy from the ConfigMaps, mounted where the image (src/main/docker/Dockerfile.jvm) reads it, and
 * the portfolio run is an Indexed Job of the same image.
 */
class KubernetesManifestIT {

    private static final Path MANIFESTS = Path.of("target/kubernetes/kubernetes.yml");
    private static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");
    private static final List<String> DATABASE_ENV = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD");

    private static Map<String, JsonNode> byKind;

    @RegisterExtension
    final JarWorkspace workspace = new JarWorkspace();

    @BeforeAll
    static void read() throws Exception {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class)
                .readValues(MANIFESTS.toFile())) {
            it.forEachRemaining(documents::add);
        }
        byKind = documents.stream().collect(Collectors.toMap(d -> d.path("kind").asText(), Function.identity()));
    }

    @Test
    void theProbesAskTheServicesHealthEndpointsOnItsPort() throws Exception {
        JsonNode container = service();
        int port = container.path("ports").path(0).path("containerPort").asInt();
        assertThat(port).as("the port the image exposes").isEqualTo(exposedPort());
        assertThat(byKind.get("Service").path("spec").path("ports").path(0).path("targetPort").asInt()).isEqualTo(port);

        Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "readinessProbe", "/q/health/ready",
                "livenessProbe", "/q/health/live");
        probes.forEach((probe, path) -> {
            JsonNode http = container.path(probe).path("httpGet");
            assertThat(http.path("path").asText()).as(probe).isEqualTo(path);
            assertThat(http.path("port").asInt()).as(probe).isEqualTo(port);
        });
        JsonNode startup = container.path("startupProbe");
        assertThat(startup.path("periodSeconds").asInt() * startup.path("failureThreshold").asInt())
                .as("seconds a replica may take to compile its ruleset before it is restarted").isGreaterThanOrEqualTo(120);

        // the same paths, asked of the packaged service: UP once it has started with its ruleset
        try (ServiceProcess process = ServiceProcess.start(workspace, "probes")) {
            String base = process.awaitReady();
            HttpClient http = HttpClient.newHttpClient();
            for (String probe : probes.keySet()) {
                String path = container.path(probe).path("httpGet").path("path").asText();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(probe + " " + path).isEqualTo(200);
                assertThat(answer.body()).as(probe).contains("\"status\": \"UP\"");
            }
        }
    }

    @Test
    void theServiceTakesItsDatabaseFromTheSecretAndItsPolicyFromTheConfigMaps() throws Exception {
        JsonNode deployment = byKind.get("Deployment");
        assertThat(deployment.path("spec").path("replicas").asInt()).isGreaterThan(1);
        JsonNode container = service();
        assertDatabaseFromSecret(container);
        assertThat(container.path("resources").path("requests").path("cpu").asText()).isNotEmpty();
        assertThat(container.path("resources").path("requests").path("memory").asText()).isNotEmpty();
        assertThat(container.path("resources").path("limits").path("memory").asText()).isNotEmpty();
        assertPolicyMounted(container, deployment.path("spec").path("template").path("spec"));
    }

    @Test
    void thePortfolioRunIsAnIndexedJobOfTheSameImage() throws Exception {
        JsonNode job = byKind.get("CronJob").path("spec").path("jobTemplate").path("spec");
        assertThat(job.path("completionMode").asText()).isEqualTo("Indexed");
        JsonNode pod = job.path("template").path("spec");
        JsonNode score = pod.path("containers").path(0);
        assertThat(score.path("image").asText()).isEqualTo(service().path("image").asText());

        List<String> args = texts(score.path("args"));
        assertThat(args.get(0)).isEqualTo("score");
        assertThat(args.get(args.indexOf("--shards") + 1)).as("one shard per completion index")
                .isEqualTo(job.path("completions").asText());
        assertThat(args.get(args.indexOf("--run") + 1)).as("every pod of a Job joins the same run").isEqualTo("$(RUN_ID)");
        assertThat(env(score).get("RUN_ID").path("valueFrom").path("fieldRef").path("fieldPath").asText())
                .contains("job-name");
        assertDatabaseFromSecret(score);
        assertPolicyMounted(score, pod);

        // the Service must never send a request to a pod that scores: it has no HTTP listener
        JsonNode selector = byKind.get("Service").path("spec").path("selector");
        JsonNode labels = job.path("template").path("metadata").path("labels");
        selector.properties().forEach(label ->
                assertThat(labels.path(label.getKey()).asText()).as(label.getKey()).isNotEqualTo(label.getValue().asText()));
    }

    private static void assertDatabaseFromSecret(JsonNode container) {
        Map<String, JsonNode> env = env(container);
        for (String name : DATABASE_ENV) {
            assertThat(env.get(name)).as(name).isNotNull();
            assertThat(env.get(name).path("valueFrom").path("secretKeyRef").path("name").asText()).as(name)
                    .isEqualTo("collections-db");
        }
    }

    /** rules/ and decision-tables/ from their ConfigMaps, read-only, where the image has its policy volumes. */
    private static void assertPolicyMounted(JsonNode container, JsonNode pod) throws Exception {
        Map<String, JsonNode> volumes = new HashMap<>();
        for (JsonNode volume : pod.path("volumes")) {
            assertThat(volumes.put(volume.path("name").asText(), volume)).as("volume " + volume.path("name") + " once").isNull();
        }
        Map<String, JsonNode> mounts = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .collect(Collectors.toMap(m -> m.path("mountPath").asText(), Function.identity()));
        List<String> imageVolumes = imageVolumes();
        for (String folder : List.of("rules", "decision-tables")) {
            String path = "/deployments/" + folder;
            assertThat(imageVolumes).contains(path);
            JsonNode mount = mounts.get(path);
            assertThat(mount).as(path).isNotNull();
            assertThat(mount.path("readOnly").asBoolean()).as(path).isTrue();
            JsonNode configMap = volumes.get(mount.path("name").asText()).path("configMap");
            assertThat(configMap.path("name").asText()).isEqualTo("collections-" + folder);
            assertThat(configMap.path("defaultMode").asInt(0444) & 0444).as("readable by the image's user").isEqualTo(0444);
        }
        assertThat(imageVolumes).contains("/deployments/data");
        assertThat(volumes.get(mounts.get("/deployments/data").path("name").asText()).has("emptyDir")).isTrue();
    }

    private static JsonNode service() {
        return byKind.get("Deployment").path("spec").path("template").path("spec").path("containers").path(0);
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .collect(Collectors.toMap(e -> e.path("name").asText(), Function.identity()));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static int exposedPort() throws Exception {
        Matcher m = Pattern.compile("(?m)^EXPOSE (\\d+)").matcher(Files.readString(DOCKERFILE));
        assertThat(m.find()).as("EXPOSE in " + DOCKERFILE).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static List<String> imageVolumes() throws Exception {
        Matcher m = Pattern.compile("(?m)^VOLUME \\[(.*)]").matcher(Files.readString(DOCKERFILE));
        assertThat(m.find()).as("VOLUME in " + DOCKERFILE).isTrue();
        return Pattern.compile("\"([^\"]+)\"").matcher(m.group(1)).results().map(r -> r.group(1)).toList();
    }
}
