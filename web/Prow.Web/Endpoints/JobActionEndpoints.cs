using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Web.Auth;
using Prow.Web.Jobs;

namespace Prow.Web.Endpoints;

/// <summary>
/// The rerun and abort buttons: <c>POST /rerun?prowjob=ID</c> and <c>POST /abort?prowjob=ID</c> (the id in the URL,
/// as Prow's deck has it), from the job page's forms, allowed only to people <see cref="RerunAuthorizer"/> lets
/// through. The job and the permission are settled from the URL and the cookies before the form is read; the form
/// carries only the antiforgery token and may be small.
/// </summary>
internal static class JobActionEndpoints
{
    /// <summary>An antiforgery token and a job id fit many times over; a larger form is refused unread.</summary>
    public const long MaxFormBytes = 16 * 1024;

    public static void MapJobActions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/rerun", (HttpContext context, [AsParameters] JobActionServices services) => ActAsync(context, services, async (grain, job, login) =>
            JobLinks.View((await grain.RerunAsync(login)).Id)));
        endpoints.MapPost("/abort", (HttpContext context, [AsParameters] JobActionServices services) => ActAsync(context, services, async (grain, job, login) =>
        {
            await grain.AbortAsync($"Aborted by {login} from the status site.");
            return JobLinks.View(job.Id);
        }));
    }

    private static async Task<IResult> ActAsync(HttpContext context, JobActionServices services, Func<IProwJobGrain, ProwJob, string, Task<string>> act)
    {
        var id = context.Request.Query["prowjob"].ToString();
        if (id.Length == 0)
        {
            return Results.Text("give ?prowjob=ID", statusCode: StatusCodes.Status400BadRequest);
        }

        if (context.Request.ContentLength is not { } length || length > MaxFormBytes)
        {
            return Results.Text($"The form must give its Content-Length and be at most {MaxFormBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (await services.Jobs.FindAsync(id, context.RequestAborted) is not { } job)
        {
            return Results.Text($"There is no ProwJob '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var login = services.Session.GitHubLogin(context);
        var permission = await services.Authorizer.CheckAsync(login, job, context.RequestAborted);
        if (!permission.Allowed)
        {
            return Results.Text(permission.Reason, statusCode: StatusCodes.Status403Forbidden);
        }

        try
        {
            await services.Antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Text("This form has expired; reload the job page and try again.", statusCode: StatusCodes.Status400BadRequest);
        }

        var grain = services.Grains.GetGrain<IProwJobGrain>(job.Id);
        if (await grain.GetAsync() is not { } held)
        {
            return Results.Text($"The ProwJob '{id}' is a run imported from another Prow's history; only jobs this prow ran can be rerun or aborted.", statusCode: StatusCodes.Status404NotFound);
        }

        return Results.Redirect(await act(grain, held, login ?? "anonymous"));
    }
}
