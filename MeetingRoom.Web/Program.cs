using MeetingRoom.Web;
using MeetingRoom.Web.Infrastructure.Identity;

if (args.FirstOrDefault() == CreateAdminCommand.Verb)
    return await CreateAdminCommand.RunAsync(args);

var app = MeetingRoomApp.Create(new WebApplicationOptions { Args = args });
await MeetingRoom.Web.Infrastructure.Observability.InstanceLogScope.RunAsync(app); // background services' records name the instance too
return 0;

/// <summary>Entry point; public so integration tests can use <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
