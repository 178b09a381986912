using System.Globalization;
using System.Security.Claims;
using Bunit;
using MeetingRoom.Domain.Members;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Members.Administration.Pages;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Components;

/// <summary>
/// The member administration page (<c>/admin/members</c>) rendered with bunit on the real app: rows from the server's
/// page (role, status chip, sign-in method, last sign-in in site time, upcoming bookings), search and filters that
/// reload from the server, the actions a row offers (no self-deactivation), the invite dialog's field errors, and
/// every text in Korean and in English.
/// </summary>
public sealed class MembersAdminPageTests(MembersAdminPageTests.SeededApp seeded) : ComponentTestContext, IClassFixture<MembersAdminPageTests.SeededApp>
{
    /// <summary>The real app with an admin and three members of each kind, shared by the tests (they only read).</summary>
    public sealed class SeededApp : IAsyncLifetime
    {
        public LiveComponentApp App { get; } = new(DefaultNow);
        public string AdminId { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var admin = await App.SignInNewAsync(admin: true, name: "Aaron Admin");
            AdminId = await App.UserIdAsync(admin);
            await MemberSeeder.SeedAsync(App.Services, [
                new("minji.kim@corp.example", "김민지", LastSignInAt: DateTimeOffset.Parse("2026-11-20T00:30:00Z")),
                new("jisoo.park@corp.example", "Jisoo Park", MemberStatus.Invited, WithPassword: false),
                new("old.hand@corp.example", "Old Hand", MemberStatus.Deactivated, Admin: true, ExternalLogin: "sub-1"),
            ]);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private readonly (CultureInfo Culture, CultureInfo Ui) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public override Task InitializeAsync()
    {
        seeded.App.AddTo(Services);
        Services.AddSingleton(seeded.App.Services.GetRequiredService<SiteRulesProvider>());
        var auth = AddAuthorization();
        auth.SetAuthorized("Aaron Admin");
        auth.SetRoles(Roles.Admin, Roles.Member);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, seeded.AdminId));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
        await base.DisposeAsync();
    }

    private static void Use(string culture) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

    private IRenderedComponent<MudPopoverProvider> _popovers = default!;

    private IRenderedComponent<MembersAdmin> RenderPage()
    {
        _popovers = Render<MudPopoverProvider>();
        var page = Render<MembersAdmin>();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-member]").Count));
        return page;
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<MembersAdmin> page, string email) =>
        page.Find($"[data-member=\"{email}\"]").Closest("tr")!;

    [Fact]
    public void Rows_come_from_the_server_in_name_order_with_their_facts()
    {
        Use("en");
        var page = RenderPage();

        Assert.Equal(["Aaron Admin", "Jisoo Park", "Old Hand", "김민지"], page.FindAll("[data-member]").Select(e => e.TextContent.Trim()));
        var minji = Row(page, "minji.kim@corp.example");
        Assert.Contains("Fri 20 Nov 09:30", minji.TextContent); // 00:30 UTC in Seoul
        Assert.Equal("Active", minji.QuerySelector("[data-status]")!.TextContent.Trim());
        var old = Row(page, "old.hand@corp.example");
        Assert.Equal("Admin", old.QuerySelector("[data-role]")!.TextContent.Trim());
        Assert.Equal("Deactivated", old.QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Contains("Password and single sign-on", old.TextContent);
        var jisoo = Row(page, "jisoo.park@corp.example");
        Assert.Equal("Invited", jisoo.QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Contains("Never", jisoo.TextContent);
        Assert.Equal("0", jisoo.QuerySelector("[data-testid=member-bookings]")!.TextContent.Trim());
        Assert.Contains("(you)", Row(page, "admin1@test.local").TextContent);
    }

    [Fact]
    public void The_status_filter_reloads_from_the_server()
    {
        Use("en");
        var page = RenderPage();
        var grid = page.FindComponent<MudDataGrid<MeetingRoom.Web.Features.Members.Administration.MemberRow>>();

        page.InvokeAsync(() => page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Status").Instance.ValueChanged.InvokeAsync("Invited"));

        page.WaitForAssertion(() => Assert.Equal(["Jisoo Park"], page.FindAll("[data-member]").Select(e => e.TextContent.Trim())));
        Assert.Equal(1, grid.Instance.GetFilteredItemsCount());
    }

    [Fact]
    public void The_search_finds_by_part_of_the_email_and_says_when_nothing_matches()
    {
        Use("en");
        var page = RenderPage();
        var search = page.FindComponents<MudTextField<string>>().Single(f => f.Instance.InputId == "member-search");

        page.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("PARK@corp"));
        page.WaitForAssertion(() => Assert.Equal(["Jisoo Park"], page.FindAll("[data-member]").Select(e => e.TextContent.Trim())));
        page.WaitForAssertion(() => Assert.Equal("/api/admin/members/export?search=PARK%40corp", page.Find("[data-testid=export-members]").GetAttribute("href")));

        page.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("nobody-at-all"));
        page.WaitForAssertion(() => Assert.Contains("No member matches", page.Find("[data-testid=members-empty]").TextContent));
    }

    [Fact]
    public void The_admin_cannot_deactivate_themselves_and_an_invited_member_can_get_the_invitation_again()
    {
        Use("en");
        var page = RenderPage();

        Row(page, "admin1@test.local").QuerySelector("[data-testid=member-actions] button")!.Click();
        var self = _popovers.WaitForElement("[data-action=deactivate]");
        Assert.Contains("You cannot deactivate yourself", self.TextContent);
        Assert.True(self.ClassList.Contains("mud-disabled") || self.HasAttribute("disabled") || self.GetAttribute("aria-disabled") == "true", self.OuterHtml);
        Assert.Contains("Remove admin role", _popovers.Find("[data-action=remove-admin]").TextContent);
        Assert.Empty(_popovers.FindAll("[data-action=resend]"));
    }

    [Fact]
    public void The_invite_dialog_shows_each_mistake_next_to_its_field_in_Korean()
    {
        Use("ko");
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage();

        page.Find("[data-testid=invite-member]").Click();
        var email = dialogs.WaitForElement("#invite-email");
        email.Input("not-an-email");
        dialogs.Find("#invite-form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains("올바른 이메일 주소가 아닙니다", dialogs.Find("[data-field-error=email]").TextContent));
        Assert.Contains("이름을 입력하세요", dialogs.Find("[data-field-error=name]").TextContent);
        Assert.Equal("멤버 초대", dialogs.Find("[role=heading]").TextContent.Trim());
    }

    [Fact]
    public void The_page_speaks_Korean()
    {
        Use("ko");
        var page = RenderPage();

        Assert.Equal("멤버", page.Find("h1").TextContent.Trim());
        Assert.Equal("초대", page.Find("[data-testid=invite-member]").TextContent.Trim());
        Assert.Equal("CSV 가져오기", page.Find("[data-testid=import-members]").TextContent.Trim());
        Assert.Equal("초대됨", Row(page, "jisoo.park@corp.example").QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Equal("비활성화됨", Row(page, "old.hand@corp.example").QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Equal("관리자", Row(page, "old.hand@corp.example").QuerySelector("[data-role]")!.TextContent.Trim());
        Assert.Contains("11월 20일 (금) 09:30", Row(page, "minji.kim@corp.example").TextContent);
        Assert.Contains("없음", Row(page, "jisoo.park@corp.example").TextContent);
        var headers = page.FindAll("th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains("마지막 로그인", headers);
        Assert.Contains("예정된 예약", headers);
        var words = page.Markup;
        foreach (var english in new[] { "Invite", "Members", "Deactivated", "Invited", "Last sign-in", "Upcoming bookings", "Never", "Search" })
            Assert.DoesNotContain($">{english}<", words, StringComparison.Ordinal);
    }
}
