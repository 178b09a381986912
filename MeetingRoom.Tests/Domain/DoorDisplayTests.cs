using MeetingRoom.Domain.Rooms;

namespace MeetingRoom.Tests.Domain;

public sealed class DoorDisplayTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T10:00:00+09:00");

    [Fact]
    public void Created_display_stores_the_hash_of_a_fresh_url_safe_token()
    {
        var (display, token) = DoorDisplay.Create(7, Now);
        var (_, other) = DoorDisplay.Create(7, Now);

        Assert.NotEqual(token, other);
        Assert.True(DoorDisplay.LooksLikeToken(token));
        Assert.Equal(DoorDisplay.HashOf(token), display.TokenHash);
        Assert.Equal(64, display.TokenHash.Length);
        Assert.True(display.IsActive);
    }

    [Fact]
    public void Revoking_twice_keeps_the_first_instant()
    {
        var (display, _) = DoorDisplay.Create(7, Now);

        display.Revoke(Now);
        display.Revoke(Now.AddHours(1));

        Assert.False(display.IsActive);
        Assert.Equal(Now, display.RevokedAt);
    }

    [Fact]
    public void Revoking_raises_one_event_naming_the_display_and_its_room()
    {
        var (display, _) = DoorDisplay.Create(7, Now);

        display.Revoke(Now);
        display.Revoke(Now.AddHours(1));

        var revoked = Assert.IsType<DoorDisplayRevoked>(Assert.Single(display.DomainEvents));
        Assert.Equal((display.Id, 7, Now), (revoked.DoorDisplayId, revoked.RoomId, revoked.OccurredAt));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("../x")]
    [InlineData("x y")]
    public void Not_a_token_is_refused_before_any_lookup(string? text) => Assert.False(DoorDisplay.LooksLikeToken(text));
}
