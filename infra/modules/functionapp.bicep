// The Flex Consumption plan (FC1) and the function app: a .NET isolated worker on Linux (functionAppConfig.runtime
// 'dotnet-isolated' '10.0', the version of the app's target framework net10.0; Flex reads the runtime from there, so
// there is no FUNCTIONS_WORKER_RUNTIME app setting), with a system-assigned identity that reaches storage, Cosmos DB
// and Application Insights without keys, and that Flex also uses to read the deployment package.

@description('Azure region.')
param location string

@description('Flex Consumption plan name.')
param planName string

@description('Function app name (globally unique host name <name>.azurewebsites.net).')
param appName string

@description('Storage account of AzureWebJobsStorage (identity-based: only its name is configured).')
param storageAccountName string

@description('Blob container URL Flex Consumption deploys the package from.')
param deploymentContainerUrl string

@description('Cosmos DB account endpoint.')
param cosmosEndpoint string

@description('Application Insights connection string (the ingestion endpoint; local auth is off, the identity authenticates).')
param appInsightsConnectionString string

@description('OpenID Connect authority of the API tokens, e.g. https://login.microsoftonline.com/<tenant>/v2.0.')
param authAuthority string

@description('Audience (aud) the API tokens must carry.')
param authAudience string

@description('Browser origins the API answers CORS requests from; the app itself answers preflight.')
param corsAllowedOrigins string[]

@description('App settings for the scheduled reports: setting name to NCRONTAB schedule.')
param reportSchedules object

@description('Instance memory: 512, 2048 or 4096 MB.')
param instanceMemoryMB int

@description('Upper bound of instances the plan scales out to.')
param maximumInstanceCount int

param tags object

var baseSettings = [
  { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
  { name: 'Cosmos__Endpoint', value: cosmosEndpoint }
  { name: 'Cosmos__CreateIfMissing', value: 'false' }
  { name: 'Auth__Authority', value: authAuthority }
  { name: 'Auth__Audience', value: authAudience }
]

var corsSettings = [
  for (origin, i) in corsAllowedOrigins: {
    name: 'Cors__AllowedOrigins__${i}'
    value: origin
  }
]

var scheduleSettings = [
  for schedule in items(reportSchedules): {
    name: schedule.key
    value: schedule.value
  }
]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Platform CORS stays empty on purpose: with origins here the platform would answer preflight itself and
      // the app's own CORS policy (the same locally and in Azure) would never see it.
      cors: {
        allowedOrigins: []
      }
      appSettings: concat(baseSettings, corsSettings, scheduleSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

output name string = app.name
output principalId string = app.identity.principalId
output defaultHostName string = app.properties.defaultHostName
