using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Mmx.Grains.Configuration;

/// <summary>
/// The role the silos and fronts connect as (<c>Mmx:Database:AppRole</c>, <c>AppPassword</c>), set
/// on the schema step only: <c>Mmx.Silo --apply-schema</c>, connected as the database's owner,
/// creates it (or sets its password) with the rights Orleans' tables and functions need and no
/// more: no superuser, no DDL. Unset: the schema step grants nothing.
/// </summary>
[SettingsSection("Mmx:Database")]
public sealed partial class DatabaseSettings : IValidatableObject
{
    public string? AppRole { get; set; }
    public string? AppPassword { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(AppRole)) yield break;
        if (!RoleName().IsMatch(AppRole)) yield return new ValidationResult("must be a lower-case PostgreSQL role name", [nameof(AppRole)]);
        if (string.IsNullOrEmpty(AppPassword)) yield return new ValidationResult("is required with AppRole", [nameof(AppPassword)]);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
