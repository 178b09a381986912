using System.Globalization;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingRoom.Tests.Localization;

/// <summary>A notification is stored without words and read in the reader's language; old rows show as stored.</summary>
public sealed class NotificationTextsTests
{
    private static readonly NotificationFacts Harbor = new("Harbor", new DateOnly(2026, 12, 1), new TimeOnly(10, 0), new TimeOnly(11, 50));

    private static NotificationTexts Texts()
    {
        var services = new ServiceCollection().AddLogging().AddSiteLocalization();
        services.AddSingleton<NotificationTexts>();
        return services.BuildServiceProvider().GetRequiredService<NotificationTexts>();
    }

    private static NotificationDto Read(string culture, Notification row) =>
        MeetingRoom.Web.Localization.UiCulture.Of(CultureInfo.GetCultureInfo(culture)).Run(() => Texts().ToDto(row));

    [Fact]
    public void The_same_stored_row_reads_in_Korean_and_in_English()
    {
        var row = Texts().NewRow("m1", NotificationKind.Denied, Guid.NewGuid(), Harbor with { Reason = "CEO visit" }, DateTimeOffset.UnixEpoch);

        var korean = Read("ko", row);
        var english = Read("en", row);

        Assert.Equal("예약이 거절되었습니다", korean.Title);
        Assert.Equal("Harbor · 12월 1일 (화) · 10:00–11:50 — CEO visit", korean.Body);
        Assert.Equal("Booking denied", english.Title);
        Assert.Equal("Harbor · Tue 1 Dec · 10:00–11:50 — CEO visit", english.Body);
    }

    [Fact]
    public void The_stored_title_and_body_are_English_for_readers_of_old_rows()
    {
        var row = MeetingRoom.Web.Localization.UiCulture.Of(CultureInfo.GetCultureInfo("ko")).Run(
            () => Texts().NewRow("m1", NotificationKind.Released, Guid.NewGuid(), Harbor, DateTimeOffset.UnixEpoch));

        Assert.Equal("Booking released (no check-in)", row.Title);
        Assert.Equal("Harbor · Tue 1 Dec · 10:00–11:50 — Nobody checked in, so the room was released for others.", row.Body);
        Assert.Contains("자동 해제", Read("ko", row).Body);
    }

    [Fact]
    public void A_row_written_before_facts_existed_shows_its_stored_text()
    {
        var old = new Notification { Kind = NotificationKind.Approved, Title = "Booking approved", Body = "Harbor · 2026-11-23 · 10:00–11:50" };

        Assert.Equal("Booking approved", Read("ko", old).Title);
        Assert.Equal("Harbor · 2026-11-23 · 10:00–11:50", Read("ko", old).Body);
    }

    [Fact]
    public void The_waitlist_toast_and_the_ending_soon_reminder_speak_Korean()
    {
        var texts = Texts();

        Assert.Equal("대기자 명단에서 Harbor 10:00–11:50 예약이 배정되었습니다",
            Read("ko", texts.NewRow("m1", NotificationKind.FromWaitlist, Guid.NewGuid(), Harbor, DateTimeOffset.UnixEpoch)).Title);
        Assert.Equal("You got Harbor 10:00–11:50 from the waitlist",
            Read("en", texts.NewRow("m1", NotificationKind.FromWaitlist, Guid.NewGuid(), Harbor, DateTimeOffset.UnixEpoch)).Title);
        Assert.Equal("회의가 10분 후에 끝납니다",
            Read("ko", texts.NewRow("m1", NotificationKind.EndingSoon, Guid.NewGuid(), Harbor with { Minutes = 10 }, DateTimeOffset.UnixEpoch)).Title);
    }

    [Fact]
    public void A_booking_cancelled_because_its_room_was_removed_says_so_in_the_readers_language()
    {
        var row = Texts().NewRow("m1", NotificationKind.CancelledByAdmin, Guid.NewGuid(), Harbor with { RoomRemoved = true }, DateTimeOffset.UnixEpoch);

        Assert.EndsWith("— Harbor 회의실이 삭제되었습니다.", Read("ko", row).Body);
        Assert.EndsWith("— The room Harbor was removed.", Read("en", row).Body);
    }

    [Fact]
    public void Every_kind_has_a_Korean_title()
    {
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            var title = Read("ko", Texts().NewRow("m1", kind, Guid.NewGuid(), Harbor with { Minutes = 5 }, DateTimeOffset.UnixEpoch)).Title;
            Assert.True(title.Any(c => c is >= '\uAC00' and <= '\uD7A3'), $"{kind}: {title}");
        }
    }

    [Theory]
    [InlineData("Features/Notifications/NotificationTexts")]
    [InlineData("Features/Notifications/Email/EmailProjection")]
    [InlineData("Features/Notifications/Calendar/BookingCalendar")]
    [InlineData("Localization/MudTexts")]
    public void Korean_and_English_resources_have_the_same_keys_and_placeholders(string resource) =>
        new ProblemTextTests().Korean_and_English_resources_have_the_same_keys_and_placeholders(resource);
}
