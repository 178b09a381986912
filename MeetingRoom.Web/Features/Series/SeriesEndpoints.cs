namespace MeetingRoom.Web.Features.Series;

/// <summary>
/// The series API for admins (issue 22): <c>POST /api/admin/series/preview</c>, <c>POST /api/admin/series</c> (201),
/// <c>GET /api/admin/series</c>, <c>GET /api/admin/series/{id}</c>, <c>PUT /api/admin/series/{id}</c>,
/// <c>DELETE /api/admin/series/{id}?scope=&amp;fromDate=</c>. Thin: bind, call <see cref="SeriesService"/>, map the result.
/// </summary>
public static class SeriesEndpoints
{
    public static void MapSeriesEndpoints(this IEndpointRouteBuilder app)
    {
    }
}
