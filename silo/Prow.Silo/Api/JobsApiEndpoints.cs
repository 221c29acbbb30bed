using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Orleans;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.ProwJobs;
using Prow.Services.Configuration;
using Prow.Web.Jobs;

namespace Prow.Silo.Api;

/// <summary>
/// <c>POST /api/v1/jobs</c> (and gangway's own path, <c>POST /v1/executions</c>): starts a periodic, postsubmit or
/// presubmit by name from gangway's <c>CreateJobExecutionRequest</c>, for a caller holding a token of
/// <c>--api-token-file</c> (<c>Authorization: Bearer …</c>), and answers gangway's <c>JobExecution</c> with the ProwJob's
/// id. Every call is logged with the caller's identity, the refused ones too.
/// </summary>
internal static partial class JobsApiEndpoints
{
    /// <summary>A request body is a job name, refs and a few overrides; anything larger is refused unread.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static void MapJobsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/jobs", StartAsync);
        endpoints.MapPost("/v1/executions", StartAsync);
    }

    private static async Task<IResult> StartAsync(HttpContext context, ApiTokens tokens, IConfigSource config, IGrainFactory grains, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Prow.Silo.Api.Jobs");
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var header = context.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        if (tokens.Identify(presented) is not { } identity)
        {
            LogRefused(logger, remote, presented is null ? "no bearer token" : tokens.Configured ? "a token that is not in --api-token-file" : "no --api-token-file, so no token is valid");
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(new { error = tokens.Configured ? "a valid API token is required (Authorization: Bearer ...)" : "the jobs API is closed: start prow with --api-token-file" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (context.Request.ContentLength is > MaxBodyBytes)
        {
            LogBadRequest(logger, identity, remote, "body too large");
            return Results.Json(new { error = $"the body may be at most {MaxBodyBytes} bytes" }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        JobExecutionRequest request;
        ProwJob job;
        try
        {
            JsonElement body;
            try
            {
                using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                body = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new JobStartException($"the body is not JSON: {ex.Message}");
            }

            request = JobExecutionRequest.Parse(body, identity);
            var snapshot = config.Current;
            var found = NamedJobs.Find(snapshot.Jobs, request.Type, request.JobName, request.Start);
            job = NamedJobs.Build(snapshot, found, request.Start, Guid.NewGuid().ToString(), time.GetUtcNow());
        }
        catch (JobStartException ex)
        {
            LogBadRequest(logger, identity, remote, ex.Message);
            return Results.Json(new { error = ex.Message }, statusCode: StatusCodes.Status400BadRequest);
        }

        var created = await grains.GetGrain<IProwJobGrain>(job.Id).CreateAsync(job);
        var refs = created.Spec.MainRefs is { } main ? $"{main.Org}/{main.Repo} {main}" : "";
        LogStarted(logger, identity, remote, created.Spec.Type, created.Spec.Job, created.Id, refs);
        return Results.Json(JobExecution.Of(created, JobLinks.View(created.Id)));
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Jobs API: {Identity} ({Remote}) started {Type} {Job} as ProwJob {Id} {Refs}")]
    private static partial void LogStarted(ILogger logger, string identity, string remote, string type, string job, string id, string refs);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Jobs API: refused a call from {Remote}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string remote, string reason);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Jobs API: {Identity} ({Remote}) sent a bad request: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string identity, string remote, string reason);
}
