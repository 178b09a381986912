using System.Text.RegularExpressions;
using System.Xml.Linq;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Localization;

namespace MeetingRoom.Tests.Localization;

/// <summary>
/// Every resource speaks every language (D4): each neutral <c>X.resx</c> under MeetingRoom.Web/Resources has an
/// <c>X.{culture}.resx</c> for every other supported culture with exactly the same keys and the same <c>{n}</c>
/// placeholders in each value, and no translation lacks its neutral file.
/// </summary>
public sealed partial class ResourceParityTests
{
    private static string ResourcesFolder => Path.Combine(RepositoryFolder.Web, SiteLocalization.ResourcesPath);

    private static IEnumerable<string> Translations => SiteCultures.Supported.Where(c => c != SiteCultures.Neutral);

    /// <summary>The keys of a .resx file and the placeholder numbers each value uses.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<int>> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(
            d => (string)d.Attribute("name")!,
            d => (IReadOnlySet<int>)Placeholder().Matches((string?)d.Element("value") ?? "").Select(m => int.Parse(m.Groups[1].Value)).ToHashSet());

    /// <summary>What differs between a neutral file and its translation, one line per key.</summary>
    public static IEnumerable<string> Differences(string neutralName, IReadOnlyDictionary<string, IReadOnlySet<int>> neutral,
        string translationName, IReadOnlyDictionary<string, IReadOnlySet<int>> translation)
    {
        foreach (var key in neutral.Keys.Except(translation.Keys).Order())
            yield return $"{translationName}: key '{key}' is missing (it is in {neutralName})";
        foreach (var key in translation.Keys.Except(neutral.Keys).Order())
            yield return $"{neutralName}: key '{key}' is missing (it is in {translationName})";
        foreach (var key in neutral.Keys.Intersect(translation.Keys).Order())
            if (!neutral[key].SetEquals(translation[key]))
                yield return $"{translationName}: key '{key}' has placeholders {{{string.Join("},{", translation[key].Order())}}} " +
                             $"but {neutralName} has {{{string.Join("},{", neutral[key].Order())}}}";
    }

    [Fact]
    public void Every_resource_has_the_same_keys_and_placeholders_in_every_language()
    {
        var files = Directory.EnumerateFiles(ResourcesFolder, "*.resx", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        var problems = new List<string>();
        string Name(string path) => Path.GetRelativePath(RepositoryFolder.Root, path);

        foreach (var neutral in files.Where(f => CultureOf(f) is null).Order(StringComparer.Ordinal))
            foreach (var culture in Translations)
            {
                var translation = Path.ChangeExtension(neutral, null) + $".{culture}.resx";
                if (!File.Exists(translation)) problems.Add($"{Name(translation)} is missing (the translation of {Name(neutral)})");
                else problems.AddRange(Differences(Name(neutral), Read(neutral), Name(translation), Read(translation)));
            }
        foreach (var translation in files.Where(f => CultureOf(f) is not null))
        {
            var neutral = Path.ChangeExtension(Path.ChangeExtension(translation, null), null) + ".resx";
            if (!File.Exists(neutral)) problems.Add($"{Name(neutral)} is missing (the neutral file of {Name(translation)})");
            if (!SiteCultures.Supported.Contains(CultureOf(translation)!)) problems.Add($"{Name(translation)} is for a language the site does not speak");
        }

        Assert.True(problems.Count == 0, "Resources differ between languages:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void A_missing_key_and_a_different_placeholder_are_told_by_file_and_key()
    {
        var neutral = new Dictionary<string, IReadOnlySet<int>> { ["OpensAt"] = new HashSet<int> { 0 }, ["Save"] = new HashSet<int>() };
        var korean = new Dictionary<string, IReadOnlySet<int>> { ["OpensAt"] = new HashSet<int> { 1 } };

        var differences = Differences("Book.resx", neutral, "Book.ko.resx", korean).ToList();

        Assert.Equal(
        [
            "Book.ko.resx: key 'Save' is missing (it is in Book.resx)",
            "Book.ko.resx: key 'OpensAt' has placeholders {1} but Book.resx has {0}",
        ], differences);
    }

    /// <summary>"X.ko.resx" → "ko"; "X.resx" → null (a dot in a type name never precedes a culture name here).</summary>
    private static string? CultureOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var dot = name.LastIndexOf('.');
        if (dot < 0) return null;
        var suffix = name[(dot + 1)..];
        try { return System.Globalization.CultureInfo.GetCultureInfo(suffix, predefinedOnly: true).Name.Length > 0 ? suffix : null; }
        catch (System.Globalization.CultureNotFoundException) { return null; }
    }

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
