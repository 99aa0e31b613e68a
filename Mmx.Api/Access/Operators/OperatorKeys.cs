using System.Security.Cryptography;
using System.Text;

namespace Mmx.Api.Access.Operators;

/// <summary>One operator: the name the audit lines use, the SHA-256 of its key, its roles.</summary>
public sealed record Operator(string Name, byte[] KeyHash, OperatorRoles Roles);

/// <summary>
/// Every operator key this front accepts: <c>Mmx:AdminKey</c> (all roles; in the embedded default
/// generated and printed) and the role keys of <see cref="OperatorSettings"/>. A key is known here
/// only by its hash; a presented key is compared with every one in constant time.
/// </summary>
public sealed class OperatorKeys
{
    private readonly Operator[] _operators;

    public OperatorKeys(Hosting.AdminKey? adminKey, OperatorSettings settings)
    {
        var byKey = new Dictionary<string, (string Name, OperatorRoles Roles)>(StringComparer.Ordinal);
        void Add(string entry, OperatorRoles roles, string? fixedName = null)
        {
            var (name, key) = fixedName is null ? Split(entry) : (fixedName, entry);
            byKey[key] = byKey.TryGetValue(key, out var known) ? (known.Name, known.Roles | roles) : (name, roles);
        }
        if (adminKey is not null) Add(adminKey.Value, OperatorRoles.All, "admin");
        foreach (var (role, entries) in settings.ByRole)
        {
            foreach (var entry in entries) Add(entry, role);
        }
        _operators = [.. byKey.Select(k => new Operator(k.Value.Name, Hash(k.Key), k.Value.Roles))];
    }

    /// <summary>The operator whose key this is, or null. Every key is compared, whichever matches.</summary>
    public Operator? Identify(string given)
    {
        var hash = Hash(given);
        Operator? found = null;
        foreach (var candidate in _operators)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, candidate.KeyHash)) found = candidate;
        }
        return given.Length == 0 ? null : found;
    }

    /// <summary>The operator of this name (a dashboard cookie names its operator).</summary>
    public Operator? Named(string name) => _operators.FirstOrDefault(o => o.Name == name);

    /// <summary><c>name=key</c>, or a bare key named by the first 8 hex digits of its SHA-256.</summary>
    public static (string Name, string Key) Split(string entry)
    {
        var separator = entry.IndexOf('=');
        return separator > 0
            ? (entry[..separator].Trim(), entry[(separator + 1)..].Trim())
            : ("key-" + Convert.ToHexStringLower(Hash(entry))[..8], entry.Trim());
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
