namespace Mmx.Grains.Configuration;

/// <summary>
/// Marks a class as the settings of one configuration section (<c>Mmx:Sessions</c>): its
/// properties are that section's keys, read and checked by <see cref="Settings.Read{T}"/>. The
/// README's configuration table is checked against the classes that carry it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SettingsSectionAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}
