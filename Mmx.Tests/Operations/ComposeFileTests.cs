using YamlDotNet.RepresentationModel;

namespace Mmx.Tests.Operations;

/// <summary>docker-compose.yml is valid YAML describing the cluster an operator expects.</summary>
public sealed class ComposeFileTests
{
    private static YamlMappingNode Root()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(ScriptedCluster.RepoRoot, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    [Fact]
    public void Compose_describes_postgres_two_silos_and_the_api_with_health_checks_restarts_and_volumes()
    {
        var root = Root();
        var services = Map(root, "services");
        Assert.Equal(["postgres", "silo1", "silo2", "api"], services.Children.Keys.Select(k => k.ToString()));
        foreach (var (name, service) in services.Children)
        {
            var s = (YamlMappingNode)service;
            Assert.True(s.Children.ContainsKey("healthcheck"), $"{name} has no health check");
            Assert.Equal("unless-stopped", s["restart"].ToString());
        }

        // The schema is applied at the database's first start, from the project's own script.
        var pgVolumes = ((YamlSequenceNode)Map(services, "postgres")["volumes"]).Children.Select(v => v.ToString()).ToList();
        Assert.Contains(pgVolumes, v => v.StartsWith("./db/postgresql-orleans.sql:/docker-entrypoint-initdb.d/"));
        Assert.True(File.Exists(Path.Combine(ScriptedCluster.RepoRoot, "db", "postgresql-orleans.sql")));
        Assert.Contains(pgVolumes, v => v.StartsWith("pgdata:"));
        Assert.Contains(((YamlSequenceNode)Map(services, "api")["volumes"]).Children, v => v.ToString().StartsWith("images:"));
        Assert.Equal(["pgdata", "images"], Map(root, "volumes").Children.Keys.Select(k => k.ToString()));

        // Configuration through the environment: every silo and the API get the connection string.
        foreach (var name in new[] { "silo1", "silo2", "api" })
        {
            var environment = Map(Map(services, name), "environment");
            Assert.Contains(environment.Children.Keys.Select(k => k.ToString()), k => k is "<<" or "ConnectionStrings__Orleans");
        }
        Assert.Contains("Mmx__AdminKey", Map(Map(services, "api"), "environment").Children.Keys.Select(k => k.ToString()));
        // The API is published on loopback only.
        Assert.StartsWith("127.0.0.1:", ((YamlSequenceNode)Map(services, "api")["ports"]).Children[0].ToString());
    }
}
