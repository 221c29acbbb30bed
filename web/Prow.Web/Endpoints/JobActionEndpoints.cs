using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Web.Auth;
using Prow.Web.Jobs;

namespace Prow.Web.Endpoints;

/// <summary>
/// The rerun and abort buttons: <c>POST /rerun</c> and <c>POST /abort</c> with the job's id, from the job page's forms
/// (antiforgery-checked), allowed only to people <see cref="RerunAuthorizer"/> lets through.
/// </summary>
internal static class JobActionEndpoints
{
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
        try
        {
            await services.Antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Text("This form has expired; reload the job page and try again.", statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var id = form["prowjob"].ToString();
        var grain = services.Grains.GetGrain<IProwJobGrain>(id);
        if (string.IsNullOrEmpty(id) || await grain.GetAsync() is not { } job)
        {
            return Results.Text($"There is no ProwJob '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var login = services.Session.GitHubLogin(context);
        var permission = await services.Authorizer.CheckAsync(login, job, context.RequestAborted);
        if (!permission.Allowed)
        {
            return Results.Text(permission.Reason, statusCode: StatusCodes.Status403Forbidden);
        }

        return Results.Redirect(await act(grain, job, login ?? "anonymous"));
    }
}
