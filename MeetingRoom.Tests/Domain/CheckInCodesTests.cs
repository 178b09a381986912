using MeetingRoom.Web.Features.Meetings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace MeetingRoom.Tests.Domain;

/// <summary>Check-in codes (D2) rotate every minute: accepted in the minute they were made and the next, never later.</summary>
public sealed class CheckInCodesTests
{
    private static readonly CheckInSlot Slot = new(7, new DateOnly(2026, 11, 23), new TimeOnly(10, 0));
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-23T10:05:10+09:00"));
    private readonly EphemeralDataProtectionProvider _keys = new();

    private CheckInCodes Codes => new(_keys, _clock);

    [Fact]
    public void Code_reads_back_to_its_slot_in_the_same_minute()
    {
        var code = Codes.For(Slot);

        Assert.Equal(Slot, Codes.Read(code));
    }

    [Fact]
    public void Code_of_the_previous_minute_is_still_accepted()
    {
        var code = Codes.For(Slot);                   // 10:05:10
        _clock.Advance(TimeSpan.FromSeconds(109));    // 10:06:59

        Assert.Equal(Slot, Codes.Read(code));
    }

    [Fact]
    public void Code_two_minutes_old_is_refused()
    {
        var code = Codes.For(Slot);                   // minute 10:05
        _clock.Advance(TimeSpan.FromSeconds(50));     // 10:06:00: still fine
        Assert.NotNull(Codes.Read(code));
        _clock.Advance(TimeSpan.FromMinutes(1));      // 10:07:00

        Assert.Null(Codes.Read(code));
    }

    [Fact]
    public void Code_rotates_every_minute()
    {
        var first = Codes.For(Slot);
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.NotEqual(first, Codes.For(Slot));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-code")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Forged_or_garbled_code_is_refused(string code) => Assert.Null(Codes.Read(code));

    [Fact]
    public void Code_signed_with_another_key_ring_is_refused()
    {
        var code = new CheckInCodes(new EphemeralDataProtectionProvider(), _clock).For(Slot);

        Assert.Null(Codes.Read(code));
    }
}
