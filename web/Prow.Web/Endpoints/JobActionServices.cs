using Microsoft.AspNetCore.Antiforgery;
using Orleans;
using Prow.Web.Auth;
using Prow.Web.Jobs;

namespace Prow.Web.Endpoints;

/// <summary>What the rerun and abort handlers use, bound from the request's services.</summary>
internal sealed record JobActionServices(IAntiforgery Antiforgery, IGrainFactory Grains, JobFinder Jobs, DeckSession Session, RerunAuthorizer Authorizer);
