// FuncLabel on Azure: Flex Consumption function app (.NET isolated worker), storage (blobs, queues, the Event Grid
// system topic of its blob events), Cosmos DB (serverless by default), Application Insights; identity-based
// everywhere, no keys. The Event Grid subscriptions to the blob-triggered functions are a second deployment,
// infra/blob-subscriptions.bicep, made once the app's code runs. Deploy with scripts/deploy.sh (docs/deploy.md).
//
// Names come from the code: names.json is generated from FuncLabel.Data (StorageNames, ContainerDefinitions) and a
// test (tests/FuncLabel.Infra.Tests) fails when it drifts; the same tests compile this file and compare the names in
// the ARM JSON with the code, with the app's function metadata and with the local blob watcher's blobwatcher.json.
targetScope = 'resourceGroup'

@description('Azure region of every resource. Flex Consumption is available in a subset of regions.')
param location string = resourceGroup().location

@description('Prefix of resource names (lower-case letters and digits); a hash of the resource group keeps global names unique.')
@minLength(2)
@maxLength(10)
param namePrefix string = 'funclabel'

@description('OpenID Connect authority of API tokens, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0.')
param authAuthority string

@description('Audience (aud claim) of API tokens, e.g. api://<app-registration-client-id>.')
param authAudience string

@description('Browser origins (scheme://host[:port]) of front ends allowed to call the API and upload with SAS URLs.')
param corsAllowedOrigins string[] = []

@description('0 (default): serverless Cosmos DB. Otherwise the autoscale maximum RU/s shared by the database (>= 1000, multiple of 1000).')
param cosmosAutoscaleMaxThroughput int = 0

@description('Timer schedules of the scheduled reports, as app settings: setting name to 6-field NCRONTAB (UTC).')
param reportSchedules object = {
  Reports__CredentialReportSchedule: '0 0 2 * * *'
  Reports__ExamReportSchedule: '0 15 2 * * *'
  Reports__QualityReportSchedule: '0 30 2 * * *'
}

@description('Storage replication.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_RAGRS'])
param storageSku string = 'Standard_LRS'

@description('Flex Consumption instance memory in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Flex Consumption scale-out limit.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Log Analytics retention in days.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Tags on every resource.')
param tags object = {}

var names = loadJsonContent('names.json')
var suffix = uniqueString(resourceGroup().id, namePrefix)
var deploymentContainerName = 'app-package'

// Names known before deployment, so that modules taking them can be planned by What-If (modules' outputs cannot).
var storageAccountName = take('${namePrefix}${suffix}', 24)
var cosmosAccountName = '${namePrefix}-cosmos-${suffix}'
var appInsightsName = '${namePrefix}-ai-${suffix}'
var functionAppName = '${namePrefix}-${suffix}'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: '${namePrefix}-logs-${suffix}'
    appInsightsName: appInsightsName
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: storageAccountName
    skuName: storageSku
    blobContainerNames: names.blobContainers
    queueNames: names.queues
    deploymentContainerName: deploymentContainerName
    corsAllowedOrigins: corsAllowedOrigins
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: cosmosAccountName
    databaseName: names.cosmos.database
    containers: names.cosmos.containers
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    tags: tags
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    location: location
    planName: '${namePrefix}-plan-${suffix}'
    appName: functionAppName
    storageAccountName: storage.outputs.name
    // Built from names rather than the account's outputs so the template itself says which container holds the package.
    deploymentContainerUrl: 'https://${storageAccountName}.blob.${environment().suffixes.storage}/${deploymentContainerName}'
    cosmosEndpoint: cosmos.outputs.endpoint
    appInsightsConnectionString: monitoring.outputs.connectionString
    authAuthority: authAuthority
    authAudience: authAudience
    corsAllowedOrigins: corsAllowedOrigins
    reportSchedules: reportSchedules
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    functionAppName: functionAppName
    storageAccountName: storageAccountName
    cosmosAccountName: cosmosAccountName
    appInsightsName: appInsightsName
  }
  dependsOn: [functionApp, storage, cosmos, monitoring]
}

module blobEvents 'modules/eventgrid.bicep' = {
  name: 'blobEvents'
  params: {
    location: location
    topicName: '${namePrefix}-blob-events-${suffix}'
    storageAccountName: storageAccountName
    tags: tags
  }
  dependsOn: [storage]
}

output functionAppName string = functionApp.outputs.name
output apiBaseUrl string = 'https://${functionApp.outputs.defaultHostName}/api'
output storageAccountName string = storage.outputs.name
output blobEndpoint string = storage.outputs.blobEndpoint
output cosmosEndpoint string = cosmos.outputs.endpoint
output deploymentContainerName string = deploymentContainerName
output blobEventsTopicName string = blobEvents.outputs.topicName
