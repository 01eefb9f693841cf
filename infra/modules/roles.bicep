// What the function app's system-assigned identity may do, all data-plane, no keys:
// - storage: Storage Blob Data Owner (the Functions host's own blob use, AzureWebJobsStorage, needs Owner per the
//   Functions documentation; it includes everything Storage Blob Data Contributor grants the app), Storage Queue Data
//   Contributor (triggers, poison queues, app messages) and Storage Blob Delegator (user-delegation keys for SAS URLs);
// - Cosmos DB: the built-in Data Contributor as a SQL role assignment on the account (Azure RBAC roles do not reach the
//   Cosmos data plane);
// - Application Insights: Monitoring Metrics Publisher (telemetry with Entra ID; local auth is off).

@description('The function app whose system-assigned identity gets the roles.')
param functionAppName string

param storageAccountName string

param cosmosAccountName string

param appInsightsName string

var storageRoleIds = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  blobDelegator: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'
}

// Built-in role: Monitoring Metrics Publisher.
var metricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

// Cosmos DB built-in data-plane role: Cosmos DB Built-in Data Contributor.
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

// Role assignment names use the app's resource id (known before deployment); the principal id is known only after.
var principalId = app.identity.principalId

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {
  name: cosmosAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(storageRoleIds): {
    name: guid(storage.id, app.id, role.value)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource telemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, app.id, metricsPublisherRoleId)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisherRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource cosmosDataRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, app.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: principalId
    scope: cosmos.id
  }
}
