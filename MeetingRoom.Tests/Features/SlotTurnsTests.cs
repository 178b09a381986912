using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Bookings;

namespace MeetingRoom.Tests.Features;

/// <summary>F2: one booking attempt per slot at a time in an instance; the others wait for its outcome.</summary>
public class SlotTurnsTests
{
    private static readonly SlotKey Slot = new(new DateOnly(2026, 11, 23), 1, new TimeOnly(10, 0));

    [Fact]
    public void The_first_request_for_a_slot_takes_its_turn()
    {
        using var turn = new SlotTurns().TryTake(Slot, out _);

        Assert.NotNull(turn);
    }

    [Fact]
    public void A_second_request_for_the_slot_gets_the_attempt_under_way_to_wait_for()
    {
        var turns = new SlotTurns();
        using var first = turns.TryTake(Slot, out _);

        var second = turns.TryTake(Slot, out var running);

        Assert.Null(second);
        Assert.False(running.IsCompleted);
    }

    [Fact]
    public void The_attempt_waited_for_completes_when_the_turn_is_given_back()
    {
        var turns = new SlotTurns();
        var first = turns.TryTake(Slot, out _)!;
        turns.TryTake(Slot, out var running);

        first.Dispose();

        Assert.True(running.IsCompletedSuccessfully);
    }

    [Fact]
    public void The_slot_can_be_taken_again_once_the_turn_is_given_back()
    {
        var turns = new SlotTurns();
        turns.TryTake(Slot, out _)!.Dispose();

        using var again = turns.TryTake(Slot, out _);

        Assert.NotNull(again);
    }

    [Fact]
    public void Requests_for_other_slots_do_not_wait()
    {
        var turns = new SlotTurns();
        using var first = turns.TryTake(Slot, out _);

        using var other = turns.TryTake(Slot with { RoomId = 2 }, out _);

        Assert.NotNull(other);
    }
}
