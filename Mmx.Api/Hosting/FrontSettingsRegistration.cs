using Mmx.Grains.Configuration;

namespace Mmx.Api.Hosting;

/// <summary>
/// Reads every settings class of MMX (the front's and the silo's) at start, so a bad value or a
/// misspelt key stops the process before it serves anything, and registers each as a singleton
/// for the services that use it.
/// </summary>
public static class FrontSettingsRegistration
{
    public static IServiceCollection AddMmxSettings(this IServiceCollection services, IConfiguration configuration)
    {
        var classes = Settings.ClassesIn(typeof(FrontSettings).Assembly, typeof(Settings).Assembly);
        Settings.RefuseUnknownSections(configuration, classes);
        foreach (var type in classes) services.AddSingleton(type, Settings.Read(type, configuration));
        return services;
    }
}
