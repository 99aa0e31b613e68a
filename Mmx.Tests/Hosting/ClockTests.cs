using System.Reflection;
using Mmx.Grains.Common;

namespace Mmx.Tests.Hosting;

/// <summary>
/// MMX's own logic reads one clock, the TimeProvider registered under <see cref="MmxClock.Key"/>
/// (a FakeTimeProvider in tests); the unkeyed one is Orleans' (docs/decisions.md, "Time").
/// </summary>
public sealed class ClockTests
{
    [Fact]
    public void Every_mmx_service_that_takes_a_clock_takes_mmx_clock()
    {
        var types = new[] { typeof(Mmx.Api.Hosting.FrontSettings).Assembly, typeof(MmxClock).Assembly }.SelectMany(a => a.GetTypes());
        var unkeyed = types
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).SelectMany(c => c.GetParameters()))
            .Where(p => p.ParameterType == typeof(TimeProvider)
                && p.GetCustomAttribute<Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute>()?.Key as string != MmxClock.Key)
            .Select(p => $"{p.Member.DeclaringType!.FullName}({p.Name})")
            .ToList();
        Assert.True(unkeyed.Count == 0, "constructors taking the unkeyed (Orleans') clock: " + string.Join(", ", unkeyed));
    }

    [Fact]
    public void No_source_file_reads_the_system_clock_or_the_unkeyed_provider_outside_the_registrations()
    {
        // The registrations of the clocks themselves, the session cache's renewal of its
        // subscription, which is a liveness protocol with the hub on real time, and the validity of
        // the cluster's certificates, which peers check against their own real clocks.
        string[] allowed = ["Mmx.Api/Program.cs", "Mmx.Grains/Hosting/SiloSetup.Services.cs", "Mmx.Api/Access/SessionCache.cs", "Mmx.Grains/Hosting/ClusterCertificates.cs"];
        var offenders = new List<string>();
        foreach (var project in new[] { "Mmx.Api", "Mmx.Grains", "Mmx.Silo" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(ScriptedCluster.RepoRoot, project), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(ScriptedCluster.RepoRoot, file).Replace('\\', '/');
                if (relative.Contains("/obj/") || relative.Contains("/bin/") || allowed.Contains(relative)) continue;
                var text = File.ReadAllText(file);
                foreach (var banned in new[] { "DateTime.UtcNow", "DateTime.Now", "DateTimeOffset.UtcNow", "DateTimeOffset.Now", "TimeProvider.System", "GetRequiredService<TimeProvider>()" })
                {
                    if (text.Contains(banned, StringComparison.Ordinal)) offenders.Add($"{relative}: {banned}");
                }
            }
        }
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }
}
