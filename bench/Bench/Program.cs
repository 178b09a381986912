// MeetingRoom benchmark driver. Verbs (all bounded in count and time):
//   seed     --db PATH --members M --password P        admin + M members straight into the app's SQLite file (UserManager)
//   startup  --app DIR --db PATH --runs N --port P --out FILE   process start → /health/ready 200
//   load     --base URL --db PATH --out FILE           rooms, window rule, logins, opening burst, sustained, hot-path ladder
//   raw      --from APPDB --db PATH --out FILE          booking + outbox rows straight into SQLite (1 and N connections)
//   members  --app DIR --db PATH --port P --members N --searches S --out FILE   member list search with N members (issue 20)
//   seed --pg CONNECTION …                              the same members into a PostgreSQL database (bench/scaleout.sh)
//   insights --db PATH | --pg CONNECTION [--rooms 200 --days 365 --runs 7] --out FILE   the insights figures on a year (issue 23)
//   series   --base URL --server-pid PID --out FILE    long series created under a sustained booking load and at bursts (issue 22, bench/series.sh)
//   so-setup, so-load, pg-raw                           the two-instance PostgreSQL + Redis scenario (ScaleOut.cs, bench/scaleout.sh)
// Configuration comes from BENCH_* environment variables (see bench/run.sh).
using MeetingRoom.Bench;

return args.FirstOrDefault() switch
{
    "seed" => await Seed.RunAsync(new Args(args)),
    "startup" => await Startup.RunAsync(new Args(args)),
    "load" => await Load.RunAsync(new Args(args)),
    "raw" => await Raw.RunAsync(new Args(args)),
    "members" => await MemberSearch.RunAsync(new Args(args)),
    "so-setup" => await ScaleOut.SetupAsync(new Args(args)),
    "so-load" => await ScaleOut.LoadAsync(new Args(args)),
    "pg-raw" => await ScaleOut.RawAsync(new Args(args)),
    "insights" => await Insights.RunAsync(new Args(args)),
    "series" => await SeriesLoad.RunAsync(new Args(args)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Bench seed|startup|load|raw|members|insights|series|so-setup|so-load|pg-raw [--options]  (see bench/run.sh)");
    return 2;
}
