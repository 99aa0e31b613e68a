using YamlDotNet.RepresentationModel;

namespace Mmx.Tests.Operations;

/// <summary>deploy/kubernetes/ parses and describes what an operator relies on.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly List<YamlMappingNode> Objects = Load(Path.Combine(ScriptedCluster.RepoRoot, "deploy", "kubernetes"));
    private static readonly List<YamlMappingNode> CertManager = Load(Path.Combine(ScriptedCluster.RepoRoot, "deploy", "kubernetes", "cert-manager"));

    private static List<YamlMappingNode> Load(string folder)
    {
        var objects = new List<YamlMappingNode>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order())
        {
            var yaml = new YamlStream();
            using var reader = new StreamReader(file);
            yaml.Load(reader);
            objects.AddRange(yaml.Documents.Select(d => (YamlMappingNode)d.RootNode));
        }
        return objects;
    }

    private static YamlNode? At(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(key, out var next)) return null;
            node = next;
        }
        return node;
    }

    private static YamlMappingNode Object(string kind, string name) =>
        Objects.Single(o => At(o, "kind")?.ToString() == kind && At(o, "metadata", "name")?.ToString() == name);

    private static YamlMappingNode Container(YamlMappingNode workload) =>
        (YamlMappingNode)((YamlSequenceNode)At(workload, "spec", "template", "spec", "containers")!).Children.Single();

    private static Dictionary<string, YamlMappingNode> Env(YamlMappingNode container) =>
        ((YamlSequenceNode)At(container, "env")!).Children.Cast<YamlMappingNode>().ToDictionary(e => At(e, "name")!.ToString());

    [Fact]
    public void The_manifests_hold_the_schema_job_silos_api_services_budget_and_rights()
    {
        var kinds = Objects.Select(o => $"{At(o, "kind")}/{At(o, "metadata", "name")}").Order().ToList();
        Assert.Equal(["Deployment/mmx-api", "Deployment/mmx-silo", "Job/mmx-schema", "NetworkPolicy/mmx-silo", "PodDisruptionBudget/mmx-silo", "Role/mmx-silo-pods",
            "RoleBinding/mmx-silo-pods", "Service/mmx-api", "Service/mmx-silo", "ServiceAccount/mmx-silo"], kinds);
        // One image in every role.
        var workloads = new[] { Object("Deployment", "mmx-silo"), Object("Deployment", "mmx-api"), Object("Job", "mmx-schema") };
        Assert.Single(workloads.Select(w => At(Container(w), "image")!.ToString()).Distinct());
        Assert.Contains("--apply-schema", ((YamlSequenceNode)At(Container(Object("Job", "mmx-schema")), "command")!).Children.Select(c => c.ToString()));
        foreach (var workload in workloads)
        {
            Assert.Equal("true", At(workload, "spec", "template", "spec", "securityContext", "runAsNonRoot")!.ToString());
            // Secrets come from a Secret, never a value written here.
            foreach (var (name, variable) in Env(Container(workload)).Where(e => e.Key is "ConnectionStrings__Orleans" or "Mmx__AdminKey" or "Mmx__Sms__GatewayUrl" or "Mmx__Database__AppPassword"))
            {
                Assert.Null(At(variable, "value"));
                Assert.Equal("mmx-secrets", At(variable, "valueFrom", "secretKeyRef", "name")!.ToString());
            }
        }
    }

    [Fact]
    public void Silos_carry_the_identity_orleans_kubernetes_hosting_reads_and_stop_slower_than_they_hand_over()
    {
        var silo = Object("Deployment", "mmx-silo");
        var labels = (YamlMappingNode)At(silo, "spec", "template", "metadata", "labels")!;
        Assert.Equal("mmx", labels["orleans/serviceId"].ToString());
        Assert.Equal("mmx", labels["orleans/clusterId"].ToString());
        var env = Env(Container(silo));
        Assert.Equal("metadata.name", At(env["POD_NAME"], "valueFrom", "fieldRef", "fieldPath")!.ToString());
        Assert.Equal("metadata.namespace", At(env["POD_NAMESPACE"], "valueFrom", "fieldRef", "fieldPath")!.ToString());
        Assert.Equal("status.podIP", At(env["POD_IP"], "valueFrom", "fieldRef", "fieldPath")!.ToString());
        Assert.Contains("orleans/serviceId", At(env["ORLEANS_SERVICE_ID"], "valueFrom", "fieldRef", "fieldPath")!.ToString());
        Assert.Contains("orleans/clusterId", At(env["ORLEANS_CLUSTER_ID"], "valueFrom", "fieldRef", "fieldPath")!.ToString());
        // MMX's own settings name the same cluster.
        Assert.Equal(labels["orleans/clusterId"].ToString(), At(env["Mmx__Orleans__ClusterId"], "value")!.ToString());
        Assert.Equal(labels["orleans/serviceId"].ToString(), At(env["Mmx__Orleans__ServiceId"], "value")!.ToString());

        // The hand-over takes up to 55 s (Mmx.Silo's shutdown timeout): the pod must be given longer.
        Assert.True(int.Parse(At(silo, "spec", "template", "spec", "terminationGracePeriodSeconds")!.ToString()) > 55);
        Assert.Equal("mmx-silo", At(silo, "spec", "template", "spec", "serviceAccountName")!.ToString());
        Assert.NotNull(At(Container(silo), "readinessProbe"));
        Assert.NotNull(At(Container(silo), "livenessProbe"));

        // The account may read and clean up pods, and the budget covers the silos.
        var verbs = ((YamlSequenceNode)At((YamlMappingNode)((YamlSequenceNode)At(Object("Role", "mmx-silo-pods"), "rules")!).Children[0], "verbs")!).Children.Select(v => v.ToString());
        Assert.Superset(new HashSet<string> { "get", "list", "watch", "delete" }, verbs.ToHashSet());
        var budget = Object("PodDisruptionBudget", "mmx-silo");
        Assert.Equal(At(silo, "spec", "selector", "matchLabels", "app")!.ToString(), At(budget, "spec", "selector", "matchLabels", "app")!.ToString());
        Assert.Equal("1", At(budget, "spec", "maxUnavailable")!.ToString());
    }

    /// <summary>Security round three, point 2: before it, the manifests ran the transport in plain TCP, open to every pod.</summary>
    [Fact]
    public void Silos_and_fronts_talk_mutual_tls_with_cert_manager_certificates_and_only_they_reach_the_orleans_ports()
    {
        var certificates = CertManager.Where(o => At(o, "kind")?.ToString() == "Certificate")
            .ToDictionary(o => At(o, "spec", "secretName")!.ToString());
        var authority = certificates["mmx-transport-ca"];
        Assert.Equal("true", At(authority, "spec", "isCA")!.ToString());
        foreach (var role in new[] { "silo", "api" })
        {
            var workload = Object("Deployment", $"mmx-{role}");
            var env = Env(Container(workload));
            Assert.Equal("/certs/tls.crt", At(env["Mmx__Tls__Certificate"], "value")!.ToString());
            Assert.Equal("/certs/tls.key", At(env["Mmx__Tls__Key"], "value")!.ToString());
            Assert.Equal("/certs/ca.crt", At(env["Mmx__Tls__Authority"], "value")!.ToString());
            Assert.False(env.ContainsKey("Mmx__Tls__AllowPlaintext"));
            // The certificates are the Secret cert-manager keeps for the role, signed by the cluster's CA.
            var volume = ((YamlSequenceNode)At(workload, "spec", "template", "spec", "volumes")!).Children.Cast<YamlMappingNode>().Single(v => At(v, "name")!.ToString() == "transport-tls");
            var secret = At(volume, "secret", "secretName")!.ToString();
            Assert.Equal("mmx-transport", At(certificates[secret], "spec", "issuerRef", "name")!.ToString());
            var usages = ((YamlSequenceNode)At(certificates[secret], "spec", "usages")!).Children.Select(u => u.ToString()).ToList();
            Assert.Contains("server auth", usages);
            Assert.Contains("client auth", usages);
            var mount = ((YamlSequenceNode)At(Container(workload), "volumeMounts")!).Children.Cast<YamlMappingNode>().Single(m => At(m, "name")!.ToString() == "transport-tls");
            Assert.Equal("/certs", At(mount, "mountPath")!.ToString());
        }
        var caIssuer = CertManager.Single(o => At(o, "kind")?.ToString() == "Issuer" && At(o, "metadata", "name")?.ToString() == "mmx-transport");
        Assert.Equal("mmx-transport-ca", At(caIssuer, "spec", "ca", "secretName")!.ToString());

        // Only silo pods reach 11111, only API and silo pods 30000; the policy selects the silos.
        var policy = Object("NetworkPolicy", "mmx-silo");
        Assert.Equal("mmx-silo", At(policy, "spec", "podSelector", "matchLabels", "app")!.ToString());
        Assert.Equal(["Ingress"], ((YamlSequenceNode)At(policy, "spec", "policyTypes")!).Children.Select(c => c.ToString()));
        var admitted = new Dictionary<string, HashSet<string>>();
        foreach (var rule in ((YamlSequenceNode)At(policy, "spec", "ingress")!).Children.Cast<YamlMappingNode>())
        {
            var from = ((YamlSequenceNode)At(rule, "from")!).Children.Cast<YamlMappingNode>()
                .Select(peer => At(peer, "podSelector", "matchLabels", "app")?.ToString() ?? "(other)").ToHashSet();
            Assert.All(((YamlSequenceNode)At(rule, "from")!).Children.Cast<YamlMappingNode>(), peer => Assert.Null(At(peer, "namespaceSelector")));
            foreach (var port in ((YamlSequenceNode)At(rule, "ports")!).Children.Cast<YamlMappingNode>()) admitted[At(port, "port")!.ToString()] = from;
        }
        Assert.Equal(["mmx-silo"], admitted["11111"]);
        Assert.Equal(new HashSet<string> { "mmx-api", "mmx-silo" }, admitted["30000"]);
        Assert.DoesNotContain("(other)", admitted["11111"].Concat(admitted["30000"]));
    }

    /// <summary>Security round three, point 16: every process connected with one connection string, as whoever it named.</summary>
    [Fact]
    public void Only_the_schema_job_connects_as_the_owner_and_it_makes_the_role_the_others_use()
    {
        var schema = Env(Container(Object("Job", "mmx-schema")));
        Assert.Equal("owner-connection-string", At(schema["ConnectionStrings__Orleans"], "valueFrom", "secretKeyRef", "key")!.ToString());
        Assert.Equal("mmx", At(schema["Mmx__Database__AppRole"], "value")!.ToString());
        Assert.Equal("app-password", At(schema["Mmx__Database__AppPassword"], "valueFrom", "secretKeyRef", "key")!.ToString());
        foreach (var name in new[] { "mmx-silo", "mmx-api" })
        {
            var env = Env(Container(Object("Deployment", name)));
            Assert.Equal("connection-string", At(env["ConnectionStrings__Orleans"], "valueFrom", "secretKeyRef", "key")!.ToString());
            Assert.False(env.ContainsKey("Mmx__Database__AppPassword"));
        }
    }

    [Fact]
    public void The_api_is_ready_on_health_ready_and_alive_on_health_live()
    {
        var api = Container(Object("Deployment", "mmx-api"));
        Assert.Equal("/health/ready", At(api, "readinessProbe", "httpGet", "path")!.ToString());
        Assert.Equal("/health/live", At(api, "livenessProbe", "httpGet", "path")!.ToString());
        var service = Object("Service", "mmx-api");
        Assert.Equal("mmx-api", At(service, "spec", "selector", "app")!.ToString());
        // Security round three, point 16: forwarded headers were believed from all of 10/8.
        var forwarded = Env(api)["Mmx__ForwardedHeaders__KnownNetworks"];
        Assert.Null(At(forwarded, "value"));
        Assert.Equal("mmx-network", At(forwarded, "valueFrom", "configMapKeyRef", "name")!.ToString());
    }

    [Fact]
    public void The_silo_uses_orleans_kubernetes_hosting_inside_a_pod()
    {
        var program = File.ReadAllText(Path.Combine(ScriptedCluster.RepoRoot, "Mmx.Silo", "Program.cs"));
        Assert.Contains("UseKubernetesHosting()", program);
        var project = File.ReadAllText(Path.Combine(ScriptedCluster.RepoRoot, "Mmx.Silo", "Mmx.Silo.csproj"));
        Assert.Contains("Microsoft.Orleans.Hosting.Kubernetes", project);
    }

    /// <summary>The volume types the restricted Pod Security Standard allows.</summary>
    private static readonly string[] RestrictedVolumeTypes =
        ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];

    [Theory]
    [InlineData("Deployment", "mmx-silo")]
    [InlineData("Deployment", "mmx-api")]
    [InlineData("Job", "mmx-schema")]
    public void Every_workload_meets_the_restricted_pod_security_standard_with_a_read_only_root(string kind, string name)
    {
        var pod = (YamlMappingNode)At(Object(kind, name), "spec", "template", "spec")!;
        foreach (var host in new[] { "hostNetwork", "hostPID", "hostIPC" }) Assert.NotEqual("true", At(pod, host)?.ToString());
        Assert.Equal("true", At(pod, "securityContext", "runAsNonRoot")?.ToString());
        Assert.NotEqual("0", At(pod, "securityContext", "runAsUser")?.ToString());
        Assert.Equal("RuntimeDefault", At(pod, "securityContext", "seccompProfile", "type")?.ToString());
        var volumes = At(pod, "volumes") is YamlSequenceNode list ? list.Children.Cast<YamlMappingNode>().ToList() : [];
        foreach (var volume in volumes)
            Assert.Contains(volume.Children.Keys.Select(k => k.ToString()).Single(k => k != "name"), RestrictedVolumeTypes);

        var container = Container(Object(kind, name));
        Assert.Equal("false", At(container, "securityContext", "allowPrivilegeEscalation")?.ToString());
        Assert.NotEqual("true", At(container, "securityContext", "privileged")?.ToString());
        Assert.Equal(["ALL"], ((YamlSequenceNode)At(container, "securityContext", "capabilities", "drop")!).Children.Select(c => c.ToString()));
        Assert.Null(At(container, "securityContext", "capabilities", "add"));
        Assert.Null(At(container, "ports") is YamlSequenceNode ports ? ports.Children.Select(p => At(p, "hostPort")).FirstOrDefault(h => h is not null) : null);

        // Read-only root: the one writable path (/tmp) is an emptyDir of the pod.
        Assert.Equal("true", At(container, "securityContext", "readOnlyRootFilesystem")?.ToString());
        var mounts = ((YamlSequenceNode)At(container, "volumeMounts")!).Children.ToDictionary(m => At(m, "mountPath")!.ToString(), m => At(m, "name")!.ToString());
        Assert.True(mounts.TryGetValue("/tmp", out var tmp), "/tmp is mounted");
        Assert.NotNull(At(volumes.Single(v => At(v, "name")!.ToString() == tmp), "emptyDir"));

        // Requests and limits for CPU and memory (the runtime sizes its heap from the memory limit).
        foreach (var bound in new[] { "requests", "limits" })
            foreach (var resource in new[] { "cpu", "memory" })
                Assert.NotNull(At(container, "resources", bound, resource));
    }

    [Theory]
    [InlineData("mmx-silo")]
    [InlineData("mmx-api")]
    public void Probes_give_a_busy_pod_several_seconds_to_answer(string name)
    {
        var container = Container(Object("Deployment", name));
        foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
            Assert.True(int.Parse(At(container, probe, "timeoutSeconds")?.ToString() ?? "1") >= 3, $"{name} {probe}: the default 1 s time-out fails a busy pod");
    }
}
