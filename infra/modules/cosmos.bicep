// Cosmos DB (NoSQL API): the account, database and containers the code defines (names.json, generated from
// FuncLabel.Data.Cosmos.ContainerDefinitions), every container partitioned on its code-defined key path.
// Serverless by default (pay per request, nothing when idle); autoscaleMaxThroughput > 0 makes a provisioned account
// whose database shares autoscale throughput across the containers. Keys are disabled: data-plane access is Entra ID
// only, granted with SQL role assignments (roles.bicep).

@description('Azure region.')
param location string

@description('Cosmos DB account name (3-44 lower-case letters, digits, hyphens; globally unique).')
param accountName string

@description('Database name.')
param databaseName string

@description('Containers: name and partitionKeyPath.')
param containers { name: string, partitionKeyPath: string }[]

@description('0: serverless. Otherwise the maximum RU/s of database-level autoscale throughput (1000 or more, a multiple of 1000).')
param autoscaleMaxThroughput int

param tags object

var serverless = autoscaleMaxThroughput == 0

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: serverless ? {} : { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } }
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: {
          paths: [container.partitionKeyPath]
          kind: 'Hash'
          version: 2
        }
      }
    }
  }
]

output endpoint string = account.properties.documentEndpoint
