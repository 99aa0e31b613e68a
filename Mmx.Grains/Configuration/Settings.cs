using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Mmx.Grains.Configuration;

/// <summary>
/// Reads a <see cref="SettingsSectionAttribute"/> class from configuration, checked: a value that
/// does not convert, a key the class does not have (a typo would otherwise be ignored in silence)
/// and a value outside the class's rules (data annotations, <see cref="IValidatableObject"/>) all
/// throw a <see cref="SettingsException"/> naming the key, so a process stops at start with it.
/// List settings (<c>string[]</c>) take a configuration array or one comma-separated value.
/// </summary>
public static class Settings
{
    /// <summary>The root section: its class holds only the scalar keys directly under <c>Mmx</c>.</summary>
    public const string Root = "Mmx";

    public static T Read<T>(IConfiguration configuration) where T : class, new() => (T)Read(typeof(T), configuration);

    /// <inheritdoc cref="Read{T}"/>
    public static object Read(Type type, IConfiguration configuration)
    {
        var path = PathOf(type);
        var settings = Activator.CreateInstance(type)!;
        Fill(settings, configuration.GetSection(path), path, isRoot: path == Root);
        return settings;
    }

    /// <summary>The settings classes of these assemblies.</summary>
    public static Type[] ClassesIn(params Assembly[] assemblies) =>
        [.. assemblies.SelectMany(a => a.GetTypes()).Where(t => t.GetCustomAttribute<SettingsSectionAttribute>() is not null)];

    /// <summary>
    /// Refuses a section under <c>Mmx</c> that no settings class reads (a misspelt section name
    /// would otherwise be ignored in silence).
    /// </summary>
    public static void RefuseUnknownSections(IConfiguration configuration, IEnumerable<Type> classes)
    {
        var known = classes.Select(PathOf).Where(p => p != Root).Select(p => p[(Root.Length + 1)..].Split(':')[0])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var child in configuration.GetSection(Root).GetChildren())
        {
            if (child.GetChildren().Any() && !known.Contains(child.Key))
            {
                throw new SettingsException($"{Root}:{child.Key} is not a section of MMX's settings (the sections: {string.Join(", ", known.Order())}).");
            }
        }
    }

    /// <summary>The section a settings class reads.</summary>
    public static string PathOf(Type type) =>
        type.GetCustomAttribute<SettingsSectionAttribute>()?.Path
        ?? throw new InvalidOperationException($"{type.Name} has no [SettingsSection].");

    /// <summary>Every key a settings class reads, in full (<c>Mmx:Sessions:CacheSeconds</c>).</summary>
    public static IEnumerable<string> KeysOf(Type type) => Keys(type, PathOf(type));

    private static IEnumerable<string> Keys(Type type, string path) =>
        Properties(type).SelectMany(p => IsNested(p.PropertyType) ? Keys(p.PropertyType, $"{path}:{p.Name}") : [$"{path}:{p.Name}"]);

    private static PropertyInfo[] Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToArray();

    private static bool IsNested(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);

    private static void Fill(object settings, IConfigurationSection section, string path, bool isRoot)
    {
        var properties = Properties(settings.GetType());
        // Under the root, sections belong to their own classes: only a stray value is unknown there.
        foreach (var child in section.GetChildren())
        {
            if (isRoot && (child.Value is null || child.GetChildren().Any())) continue;
            if (!properties.Any(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase)))
            {
                throw new SettingsException($"{path}:{child.Key} is not a setting of MMX (the keys of {path}: {string.Join(", ", properties.Select(p => p.Name))}).");
            }
        }
        foreach (var property in properties)
        {
            var key = $"{path}:{property.Name}";
            var child = section.GetSection(property.Name);
            if (IsNested(property.PropertyType))
            {
                var nested = property.GetValue(settings) ?? Activator.CreateInstance(property.PropertyType)!;
                Fill(nested, child, key, isRoot: false);
                property.SetValue(settings, nested);
            }
            else if (property.PropertyType == typeof(string[]))
            {
                if (child.Value is null && !child.GetChildren().Any()) continue;
                var items = child.GetChildren().Select(c => c.Value ?? "")
                    .Concat((child.Value ?? "").Split(',', StringSplitOptions.TrimEntries))
                    .Where(item => item.Length > 0);
                property.SetValue(settings, items.ToArray());
            }
            else if (child.Value is { } text)
            {
                property.SetValue(settings, Convert(text, property.PropertyType, key));
            }
        }
        Validate(settings, path);
    }

    private static object? Convert(string text, Type type, string key)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (text.Length == 0 && target != typeof(string))
        {
            return type != target ? null : throw new SettingsException($"{key} is empty; it needs a {Describe(target)}.");
        }
        try
        {
            return System.ComponentModel.TypeDescriptor.GetConverter(target).ConvertFromInvariantString(text);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException || ex.InnerException is FormatException or OverflowException)
        {
            throw new SettingsException($"{key} is \"{text}\"; it needs a {Describe(target)}.", ex);
        }
    }

    private static string Describe(Type type) =>
        type == typeof(bool) ? "true or false"
        : type == typeof(int) || type == typeof(long) ? "whole number"
        : type == typeof(double) ? "number"
        : type.Name;

    private static void Validate(object settings, string path)
    {
        var problems = new List<ValidationResult>();
        if (Validator.TryValidateObject(settings, new ValidationContext(settings), problems, validateAllProperties: true)) return;
        var problem = problems[0];
        var member = problem.MemberNames.FirstOrDefault();
        throw new SettingsException(member is null ? $"{path}: {problem.ErrorMessage}" : $"{path}:{member}: {problem.ErrorMessage}");
    }
}
