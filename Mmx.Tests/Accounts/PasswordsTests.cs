using System.Security.Cryptography;
using System.Text;
using Mmx.Api.Access;

namespace Mmx.Tests.Accounts;

public sealed class PasswordsTests
{
    [Fact]
    public void Hashes_are_salted_versioned_pbkdf2_sha512_with_210000_iterations()
    {
        var first = Passwords.Hash("correct horse");
        var second = Passwords.Hash("correct horse");

        Assert.StartsWith("v1$pbkdf2-sha512$210000$", first);
        Assert.NotEqual(first, second);
        Assert.True(Passwords.Verify("correct horse", first, out var upgrade));
        Assert.False(upgrade);
        Assert.False(Passwords.Verify("correct horsE", first, out _));
        Assert.False(Passwords.Verify("correct horse", "garbage", out _));
    }

    [Fact]
    public void A_hash_with_older_parameters_still_verifies_and_asks_to_be_upgraded()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("old secret"), salt, 1000, HashAlgorithmName.SHA512, 32);
        var stored = $"v1$pbkdf2-sha512$1000${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";

        Assert.True(Passwords.Verify("old secret", stored, out var upgrade));
        Assert.True(upgrade);
        Assert.False(Passwords.Verify("other", stored, out upgrade));
        Assert.False(upgrade);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("")]
    [InlineData("tab\tinside")]
    public void Passwords_out_of_the_rules_are_refused(string password) =>
        Assert.Throws<Mmx.Api.Errors.ApiException>(() => Passwords.Validate(password));
}
