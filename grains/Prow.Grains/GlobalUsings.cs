global using Orleans;
global using Orleans.Runtime;
global using Prow.GrainInterfaces;
global using Prow.GrainInterfaces.ProwJobs;
global using Prow.GrainInterfaces.Tide;
global using Prow.Services.PluginHelp;
global using Prow.Services.Tide;
