using System.Text.RegularExpressions;

namespace Mmx.Tests.Hosting;

/// <summary>
/// The API front's areas (one folder per part of the spec) use the shared folders (Access, Errors,
/// Http, Lookups, Presence, Providers, Validation, Wire, ...) and never each other: a piece two
/// areas need lives in a shared folder, so an area can be read and changed on its own.
/// </summary>
public sealed class AreaBoundaryTests
{
    private static readonly string[] Areas = ["Accounts", "Admin", "Catalogue", "Chat", "Images", "Merchants", "Messages", "Reference", "ShopLife", "Social", "ThirdParty", "TryOn"];

    private static string ApiFolder => Path.Combine(ScriptedCluster.RepoRoot, "Mmx.Api");

    [Fact]
    public void Every_area_folder_exists()
    {
        // The list above is the one the check below walks: an area renamed or added must be named here.
        var folders = Directory.GetDirectories(ApiFolder).Select(Path.GetFileName)
            .Where(name => Directory.GetFiles(Path.Combine(ApiFolder, name!), "*Api.cs").Length > 0 && name != "Operations");
        Assert.Equal(Areas.Order(), folders.Order());
    }

    [Fact]
    public void No_area_refers_to_another_area()
    {
        var crossings = new List<string>();
        foreach (var area in Areas)
        {
            var others = string.Join('|', Areas.Where(a => a != area));
            // "using Mmx.Api.Social;", "Mmx.Api.Social.X" or a name qualified from Mmx.Api ("Social.FriendAccess"),
            // but not a grains namespace ("Grains.Social.PrivacySettings").
            var reference = new Regex($@"\bMmx\.Api\.({others})\b|(?<![.\w])({others})\.[A-Z]");
            foreach (var file in Directory.GetFiles(Path.Combine(ApiFolder, area), "*.cs"))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (lines[i].TrimStart().StartsWith("//")) continue;
                    if (reference.Match(lines[i]) is { Success: true } match)
                        crossings.Add($"{area}/{Path.GetFileName(file)}:{i + 1} refers to {match.Value}");
                }
            }
        }
        Assert.Empty(crossings);
    }
}
