using MeetingRoom.Tests.Support;

namespace MeetingRoom.Tests.Localization;

/// <summary>
/// No user-visible literal in the components (D4): every word comes from resources. The scanner is tested on small
/// samples; the full scan covers every .razor under MeetingRoom.Web.
/// </summary>
public sealed class LiteralScanTests
{
    private static string WebFolder => RepositoryFolder.Web;

    private static string Report(IEnumerable<(string File, RazorLiteral Literal)> found) =>
        string.Join('\n', found.Select(f => $"{f.File}:{f.Literal}"));

    private static IEnumerable<(string File, RazorLiteral Literal)> ScanFiles(IEnumerable<string> files) =>
        files.SelectMany(file => RazorLiteralScanner.Scan(File.ReadAllText(file))
            .Select(l => (Path.GetRelativePath(RepositoryFolder.Root, file), l)));

    [Fact]
    public void A_literal_between_tags_is_found_with_its_line()
    {
        var found = RazorLiteralScanner.Scan("<div>\n    <p>Book a room</p>\n</div>");

        Assert.Equal([new RazorLiteral(2, "Book a room")], found);
    }

    [Fact]
    public void Text_from_resources_and_expressions_is_not_a_literal()
    {
        const string source = """
            @page "/sample"
            @inject IStringLocalizer<Sample> L
            <PageTitle>@L["PageTitle"]</PageTitle>
            <h1>@L["Heading", _count]</h1>
            <p>@(_busy ? L["Saving"] : L["Save"]) @Format.Day(Today) · @_room.Name</p>
            <MudButton Label="@L["Add"]" aria-label="@L["AddRoom", name]" Title="@($"{_n}")">@L["Add"]</MudButton>
            """;

        Assert.Empty(RazorLiteralScanner.Scan(source));
    }

    [Fact]
    public void The_code_block_comments_and_scripts_are_ignored()
    {
        const string source = """
            @* A comment with words *@
            <!-- an html comment -->
            <script>let words = "not for people";</script>
            @code {
                private string Text => "Not markup";
                private RenderFragment Row => __builder => { <p>@Text</p> };
            }
            """;

        Assert.Empty(RazorLiteralScanner.Scan(source));
    }

    [Fact]
    public void Markup_after_a_code_block_with_an_apostrophe_in_a_comment_is_still_scanned()
    {
        const string source = "@code {\n    // the room's name\n    private int _n;\n}\n<p>After the code</p>";

        Assert.Equal([new RazorLiteral(5, "After the code")], RazorLiteralScanner.Scan(source));
    }

    [Fact]
    public void Statements_and_branches_inside_markup_are_code()
    {
        const string source = """
            @foreach (var room in _rooms)
            {
                var n = room.Id + 1;
                @if (room.Busy) { <span>@L["Busy"]</span> }
                else if (room.Closed) { <span>@L["Closed"]</span> }
                else { <span>@L["Free"]</span> }
            }
            """;

        Assert.Empty(RazorLiteralScanner.Scan(source));
    }

    [Fact]
    public void A_literal_read_attribute_is_found_and_other_attributes_are_not()
    {
        const string source = """
            <MudTextField Label="Room name" Placeholder="@L["Name"]" Variant="Variant.Outlined" data-testid="room-name" />
            <MudIconButton Icon="@Icons.Material.Filled.Delete" aria-label="Remove" Class="x-remove" />
            """;

        Assert.Equal(["Label=\"Room name\"", "aria-label=\"Remove\""], RazorLiteralScanner.Scan(source).Select(l => l.Text));
        Assert.Equal([1, 2], RazorLiteralScanner.Scan(source).Select(l => l.Line));
    }

    [Fact]
    public void The_brand_entities_and_punctuation_are_allowed()
    {
        const string source = """
            <span>MeetingRoom</span><span>&nbsp;–&nbsp;</span><span>10:00</span>
            """;

        Assert.Empty(RazorLiteralScanner.Scan(source));
    }

    [Fact]
    public void The_language_helpers_components_have_no_literal()
    {
        string[] files =
        [
            "Components/App.razor",
            "Components/Layout/LanguageSwitch.razor",
            "Features/Admin/Pages/Settings.razor",
        ];

        var found = ScanFiles(files.Select(f => Path.Combine(WebFolder, f))).ToList();

        Assert.True(found.Count == 0, "User-visible literals (put them in resources):\n" + Report(found));
    }

    /// <summary>The whole product: fails, listing file:line, while a component still holds a literal.</summary>
    [Fact]
    public void No_component_renders_a_user_visible_literal()
    {
        var files = Directory.EnumerateFiles(WebFolder, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal);

        var found = ScanFiles(files).ToList();

        Assert.True(found.Count == 0, $"{found.Count} user-visible literals (put them in resources):\n" + Report(found));
    }
}
