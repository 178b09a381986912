using System.Security.Claims;
using Bunit;
using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Features.Bookings.Pages;
using MeetingRoom.Web.Features.Members.Access;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Components;

/// <summary>My bookings words the cause "member deactivated" in the reader's language, like a removed room.</summary>
public sealed class DeactivationWordingTests : ComponentTestContext
{
    private LiveComponentApp _app = default!;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_booking_closed_by_a_deactivation_says_so_in_Korean_on_my_bookings()
    {
        _app = new LiveComponentApp(DefaultNow);
        _ = _app.Services;
        _app.AddTo(Services);
        Services.AddSingleton(_app.Services.GetRequiredService<IOptions<BookingOptions>>());
        Services.AddSingleton(_app.Services.GetRequiredService<IOptions<NotificationOptions>>());
        Services.AddSingleton(_app.Services.GetRequiredService<SiteRulesProvider>());
        var admin = await _app.SignInNewAsync(admin: true);
        var member = await _app.SignInNewAsync(name: "퇴사자");
        await member.BookOkAsync(await admin.CreateRoomAsync("남산"), Today, "10:00");
        var memberId = await _app.UserIdAsync(member);
        await using (var scope = _app.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<MemberDeactivation>()
                .DeactivateAsync(Actor.Admin(await _app.UserIdAsync(admin)), memberId)).IsOk);
        var auth = AddAuthorization(); // as the member would see it (reactivated) or an admin opening their bookings
        auth.SetAuthorized("퇴사자");
        auth.SetRoles(Roles.Member);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, memberId));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        using var korean = InCulture.Use("ko");

        var page = Render<MyBookings>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=booking-note]")), TimeSpan.FromSeconds(15));
        Assert.Equal("회원 계정이 비활성화되었습니다.", page.Find("[data-testid=booking-note]").TextContent.Trim());
        Assert.DoesNotContain("deactivated", page.Markup, StringComparison.OrdinalIgnoreCase);
    }
}
