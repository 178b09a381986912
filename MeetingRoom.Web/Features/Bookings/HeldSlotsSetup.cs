using MeetingRoom.Web.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingRoom.Web.Features.Bookings;

/// <summary>Registers the held-slot shortcut of the booking path.</summary>
public static class HeldSlotsSetup
{
    public static IServiceCollection AddHeldSlots(this IServiceCollection services)
    {
        services.AddSingleton<HeldSlots>();
        services.AddSingleton<KnownTakenSlots>();
        services.AddSingleton<HeldSlotsEvictor>();
        services.AddSingleton<IChangeFeedSubscriber, HeldSlotsFeed>();
        return services;
    }
}
