using MeetingRoom.Domain.Rooms;
using MeetingRoom.Web.Features.Admin;
using MeetingRoom.Web.Infrastructure.Outbox;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>Configuration section "Instance".</summary>
public sealed class InstanceOptions
{
    public const string Section = "Instance";
    /// <summary>This instance's name, unique among the instances sharing a database (default: the machine name).</summary>
    public string Name { get; set; } = Environment.MachineName;
}
