using System.ComponentModel.DataAnnotations;
using Mmx.Grains.Configuration;

namespace Mmx.Api.Access.Operators;

/// <summary>
/// Operator keys by role (<c>Mmx:Operators</c>), each entry <c>name=key</c> (or a bare key, named by
/// its fingerprint): the name is what the audit lines say. A key listed under several roles has each.
/// Removing a key from here (and restarting the fronts) revokes it, and its dashboard cookies.
/// </summary>
[SettingsSection("Mmx:Operators")]
public sealed class OperatorSettings : IValidatableObject
{
    public string[] Catalogue { get; set; } = [];
    public string[] Accounts { get; set; } = [];
    public string[] Dashboard { get; set; } = [];
    /// <summary>Wrong keys one client address (its /64 for IPv6) may present in a window before it is refused any key.</summary>
    [Range(1, 1000)] public int FailedKeysAllowed { get; set; } = 10;
    [Range(1, 1440)] public int FailedKeyWindowMinutes { get; set; } = 10;

    /// <summary>Each role with its entries: the one list of the roles' settings.</summary>
    public IEnumerable<(OperatorRoles Role, string[] Entries)> ByRole =>
        [(OperatorRoles.Catalogue, Catalogue), (OperatorRoles.Accounts, Accounts), (OperatorRoles.Dashboard, Dashboard)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var names = ByRole.SelectMany(r => r.Entries).Select(OperatorKeys.Split).Distinct()
            .GroupBy(k => k.Name).Where(g => g.Count() > 1 || g.Key == "admin").Select(g => g.Key);
        foreach (var name in names)
            yield return new ValidationResult($"the operator name \"{name}\" is given to two keys (or is the name of Mmx:AdminKey)", [nameof(Catalogue)]);
        foreach (var (roles, entries) in ByRole)
        {
            var role = roles.ToString();
            foreach (var entry in entries)
            {
                var (name, key) = OperatorKeys.Split(entry);
                if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z0-9_-]{1,64}$"))
                    yield return new ValidationResult($"the operator name \"{name}\" may hold only letters, digits, - and _ (at most 64)", [role]);
                if (key.Length < Hosting.AdminKey.MinLength)
                    yield return new ValidationResult($"the key of {name} must be at least {Hosting.AdminKey.MinLength} characters", [role]);
            }
        }
    }
}
