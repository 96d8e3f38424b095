package software.amazon.awssdk.regions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.annotations.Generated;
import software.amazon.awssdk.annotations.SdkPublicApi;
import software.amazon.awssdk.regions.servicemetadata.*;

/**
 * Replaces the AWS SDK's class of this name in the plugin jar (the shade plugin leaves the SDK's out): the same
 * 311 endpoint prefixes and metadata classes (AWS SDK 2.39.6), but each metadata object is made when first
 * asked for. The SDK's version makes all of them in a static initializer, about 0.2 s on a cold JVM, paid by
 * every goal that builds a client. Written by scripts/generate-service-metadata-provider from the SDK's class
 * (AWS SDK for Java 2.x, Apache License 2.0); checked against it by ServiceMetadataProviderTest.
 */
@Generated("scripts/generate-service-metadata-provider")
@SdkPublicApi
public final class GeneratedServiceMetadataProvider implements ServiceMetadataProvider {

    private static final Map<String, ServiceMetadata> MADE = new ConcurrentHashMap<>();

    @Override
    public ServiceMetadata serviceMetadata(String endpointPrefix) {
        if (endpointPrefix == null) {
            return null;
        }
        ServiceMetadata known = MADE.get(endpointPrefix);
        if (known != null) {
            return known;
        }
        ServiceMetadata made = make(endpointPrefix);
        return made == null ? null : MADE.computeIfAbsent(endpointPrefix, prefix -> made);
    }

    private static ServiceMetadata make(String endpointPrefix) {
        switch (endpointPrefix) {
            case "access-analyzer":
                return new AccessAnalyzerServiceMetadata();
            case "account":
                return new AccountServiceMetadata();
            case "acm":
                return new AcmServiceMetadata();
            case "acm-pca":
                return new AcmPcaServiceMetadata();
            case "agreement-marketplace":
                return new AgreementMarketplaceServiceMetadata();
            case "airflow":
                return new AirflowServiceMetadata();
            case "amplify":
                return new AmplifyServiceMetadata();
            case "amplifybackend":
                return new AmplifybackendServiceMetadata();
            case "amplifyuibuilder":
                return new AmplifyuibuilderServiceMetadata();
            case "aoss":
                return new AossServiceMetadata();
            case "api.detective":
                return new ApiDetectiveServiceMetadata();
            case "api.ecr":
                return new ApiEcrServiceMetadata();
            case "api.ecr-public":
                return new ApiEcrPublicServiceMetadata();
            case "api.iotdeviceadvisor":
                return new ApiIotdeviceadvisorServiceMetadata();
            case "api.iotwireless":
                return new ApiIotwirelessServiceMetadata();
            case "api.mediatailor":
                return new ApiMediatailorServiceMetadata();
            case "api.pricing":
                return new ApiPricingServiceMetadata();
            case "api.sagemaker":
                return new ApiSagemakerServiceMetadata();
            case "api.tunneling.iot":
                return new ApiTunnelingIotServiceMetadata();
            case "apigateway":
                return new ApigatewayServiceMetadata();
            case "app-integrations":
                return new AppIntegrationsServiceMetadata();
            case "appconfig":
                return new AppconfigServiceMetadata();
            case "appconfigdata":
                return new AppconfigdataServiceMetadata();
            case "appflow":
                return new AppflowServiceMetadata();
            case "application-autoscaling":
                return new ApplicationAutoscalingServiceMetadata();
            case "applicationinsights":
                return new ApplicationinsightsServiceMetadata();
            case "appmesh":
                return new AppmeshServiceMetadata();
            case "apprunner":
                return new ApprunnerServiceMetadata();
            case "appstream2":
                return new Appstream2ServiceMetadata();
            case "appsync":
                return new AppsyncServiceMetadata();
            case "aps":
                return new ApsServiceMetadata();
            case "arc-zonal-shift":
                return new ArcZonalShiftServiceMetadata();
            case "athena":
                return new AthenaServiceMetadata();
            case "auditmanager":
                return new AuditmanagerServiceMetadata();
            case "autoscaling":
                return new AutoscalingServiceMetadata();
            case "autoscaling-plans":
                return new AutoscalingPlansServiceMetadata();
            case "backup":
                return new BackupServiceMetadata();
            case "backup-gateway":
                return new BackupGatewayServiceMetadata();
            case "batch":
                return new BatchServiceMetadata();
            case "bedrock":
                return new BedrockServiceMetadata();
            case "billingconductor":
                return new BillingconductorServiceMetadata();
            case "braket":
                return new BraketServiceMetadata();
            case "budgets":
                return new BudgetsServiceMetadata();
            case "cases":
                return new CasesServiceMetadata();
            case "cassandra":
                return new CassandraServiceMetadata();
            case "catalog.marketplace":
                return new CatalogMarketplaceServiceMetadata();
            case "ce":
                return new CeServiceMetadata();
            case "chime":
                return new ChimeServiceMetadata();
            case "cleanrooms":
                return new CleanroomsServiceMetadata();
            case "cloud9":
                return new Cloud9ServiceMetadata();
            case "cloudcontrolapi":
                return new CloudcontrolapiServiceMetadata();
            case "clouddirectory":
                return new ClouddirectoryServiceMetadata();
            case "cloudformation":
                return new CloudformationServiceMetadata();
            case "cloudfront":
                return new CloudfrontServiceMetadata();
            case "cloudhsm":
                return new CloudhsmServiceMetadata();
            case "cloudhsmv2":
                return new Cloudhsmv2ServiceMetadata();
            case "cloudsearch":
                return new CloudsearchServiceMetadata();
            case "cloudtrail":
                return new CloudtrailServiceMetadata();
            case "cloudtrail-data":
                return new CloudtrailDataServiceMetadata();
            case "codeartifact":
                return new CodeartifactServiceMetadata();
            case "codebuild":
                return new CodebuildServiceMetadata();
            case "codecatalyst":
                return new CodecatalystServiceMetadata();
            case "codecommit":
                return new CodecommitServiceMetadata();
            case "codedeploy":
                return new CodedeployServiceMetadata();
            case "codeguru-profiler":
                return new CodeguruProfilerServiceMetadata();
            case "codeguru-reviewer":
                return new CodeguruReviewerServiceMetadata();
            case "codepipeline":
                return new CodepipelineServiceMetadata();
            case "codestar-connections":
                return new CodestarConnectionsServiceMetadata();
            case "codestar-notifications":
                return new CodestarNotificationsServiceMetadata();
            case "cognito-identity":
                return new CognitoIdentityServiceMetadata();
            case "cognito-idp":
                return new CognitoIdpServiceMetadata();
            case "cognito-sync":
                return new CognitoSyncServiceMetadata();
            case "comprehend":
                return new ComprehendServiceMetadata();
            case "comprehendmedical":
                return new ComprehendmedicalServiceMetadata();
            case "compute-optimizer":
                return new ComputeOptimizerServiceMetadata();
            case "config":
                return new ConfigServiceMetadata();
            case "connect":
                return new ConnectServiceMetadata();
            case "connect-campaigns":
                return new ConnectCampaignsServiceMetadata();
            case "contact-lens":
                return new ContactLensServiceMetadata();
            case "controltower":
                return new ControltowerServiceMetadata();
            case "cost-optimization-hub":
                return new CostOptimizationHubServiceMetadata();
            case "cur":
                return new CurServiceMetadata();
            case "data-ats.iot":
                return new DataAtsIotServiceMetadata();
            case "data.iot":
                return new DataIotServiceMetadata();
            case "data.jobs.iot":
                return new DataJobsIotServiceMetadata();
            case "data.mediastore":
                return new DataMediastoreServiceMetadata();
            case "databrew":
                return new DatabrewServiceMetadata();
            case "dataexchange":
                return new DataexchangeServiceMetadata();
            case "datapipeline":
                return new DatapipelineServiceMetadata();
            case "datasync":
                return new DatasyncServiceMetadata();
            case "datazone":
                return new DatazoneServiceMetadata();
            case "dax":
                return new DaxServiceMetadata();
            case "devicefarm":
                return new DevicefarmServiceMetadata();
            case "devops-guru":
                return new DevopsGuruServiceMetadata();
            case "directconnect":
                return new DirectconnectServiceMetadata();
            case "discovery":
                return new DiscoveryServiceMetadata();
            case "dlm":
                return new DlmServiceMetadata();
            case "dms":
                return new DmsServiceMetadata();
            case "docdb":
                return new DocdbServiceMetadata();
            case "drs":
                return new DrsServiceMetadata();
            case "ds":
                return new DsServiceMetadata();
            case "dynamodb":
                return new DynamodbServiceMetadata();
            case "ebs":
                return new EbsServiceMetadata();
            case "ec2":
                return new Ec2ServiceMetadata();
            case "ecs":
                return new EcsServiceMetadata();
            case "edge.sagemaker":
                return new EdgeSagemakerServiceMetadata();
            case "eks":
                return new EksServiceMetadata();
            case "eks-auth":
                return new EksAuthServiceMetadata();
            case "elasticache":
                return new ElasticacheServiceMetadata();
            case "elasticbeanstalk":
                return new ElasticbeanstalkServiceMetadata();
            case "elasticfilesystem":
                return new ElasticfilesystemServiceMetadata();
            case "elasticloadbalancing":
                return new ElasticloadbalancingServiceMetadata();
            case "elasticmapreduce":
                return new ElasticmapreduceServiceMetadata();
            case "elastictranscoder":
                return new ElastictranscoderServiceMetadata();
            case "email":
                return new EmailServiceMetadata();
            case "emr-containers":
                return new EmrContainersServiceMetadata();
            case "emr-serverless":
                return new EmrServerlessServiceMetadata();
            case "entitlement.marketplace":
                return new EntitlementMarketplaceServiceMetadata();
            case "es":
                return new EsServiceMetadata();
            case "events":
                return new EventsServiceMetadata();
            case "evidently":
                return new EvidentlyServiceMetadata();
            case "finspace":
                return new FinspaceServiceMetadata();
            case "finspace-api":
                return new FinspaceApiServiceMetadata();
            case "firehose":
                return new FirehoseServiceMetadata();
            case "fms":
                return new FmsServiceMetadata();
            case "forecast":
                return new ForecastServiceMetadata();
            case "forecastquery":
                return new ForecastqueryServiceMetadata();
            case "frauddetector":
                return new FrauddetectorServiceMetadata();
            case "fsx":
                return new FsxServiceMetadata();
            case "gamelift":
                return new GameliftServiceMetadata();
            case "gameliftstreams":
                return new GameliftstreamsServiceMetadata();
            case "geo":
                return new GeoServiceMetadata();
            case "glacier":
                return new GlacierServiceMetadata();
            case "globalaccelerator":
                return new GlobalacceleratorServiceMetadata();
            case "glue":
                return new GlueServiceMetadata();
            case "grafana":
                return new GrafanaServiceMetadata();
            case "greengrass":
                return new GreengrassServiceMetadata();
            case "groundstation":
                return new GroundstationServiceMetadata();
            case "guardduty":
                return new GuarddutyServiceMetadata();
            case "health":
                return new HealthServiceMetadata();
            case "healthlake":
                return new HealthlakeServiceMetadata();
            case "iam":
                return new IamServiceMetadata();
            case "identity-chime":
                return new IdentityChimeServiceMetadata();
            case "identitystore":
                return new IdentitystoreServiceMetadata();
            case "importexport":
                return new ImportexportServiceMetadata();
            case "ingest.timestream":
                return new IngestTimestreamServiceMetadata();
            case "inspector":
                return new InspectorServiceMetadata();
            case "inspector2":
                return new Inspector2ServiceMetadata();
            case "internetmonitor":
                return new InternetmonitorServiceMetadata();
            case "iot":
                return new IotServiceMetadata();
            case "iotanalytics":
                return new IotanalyticsServiceMetadata();
            case "iotevents":
                return new IoteventsServiceMetadata();
            case "ioteventsdata":
                return new IoteventsdataServiceMetadata();
            case "iotfleetwise":
                return new IotfleetwiseServiceMetadata();
            case "iotsecuredtunneling":
                return new IotsecuredtunnelingServiceMetadata();
            case "iotsitewise":
                return new IotsitewiseServiceMetadata();
            case "iotthingsgraph":
                return new IotthingsgraphServiceMetadata();
            case "iottwinmaker":
                return new IottwinmakerServiceMetadata();
            case "iotwireless":
                return new IotwirelessServiceMetadata();
            case "ivs":
                return new IvsServiceMetadata();
            case "ivschat":
                return new IvschatServiceMetadata();
            case "ivsrealtime":
                return new IvsrealtimeServiceMetadata();
            case "kafka":
                return new KafkaServiceMetadata();
            case "kafkaconnect":
                return new KafkaconnectServiceMetadata();
            case "kendra":
                return new KendraServiceMetadata();
            case "kendra-ranking":
                return new KendraRankingServiceMetadata();
            case "kinesis":
                return new KinesisServiceMetadata();
            case "kinesisanalytics":
                return new KinesisanalyticsServiceMetadata();
            case "kinesisvideo":
                return new KinesisvideoServiceMetadata();
            case "kms":
                return new KmsServiceMetadata();
            case "lakeformation":
                return new LakeformationServiceMetadata();
            case "lambda":
                return new LambdaServiceMetadata();
            case "license-manager":
                return new LicenseManagerServiceMetadata();
            case "license-manager-linux-subscriptions":
                return new LicenseManagerLinuxSubscriptionsServiceMetadata();
            case "license-manager-user-subscriptions":
                return new LicenseManagerUserSubscriptionsServiceMetadata();
            case "lightsail":
                return new LightsailServiceMetadata();
            case "logs":
                return new LogsServiceMetadata();
            case "lookoutequipment":
                return new LookoutequipmentServiceMetadata();
            case "m2":
                return new M2ServiceMetadata();
            case "machinelearning":
                return new MachinelearningServiceMetadata();
            case "macie2":
                return new Macie2ServiceMetadata();
            case "managedblockchain":
                return new ManagedblockchainServiceMetadata();
            case "managedblockchain-query":
                return new ManagedblockchainQueryServiceMetadata();
            case "marketplacecommerceanalytics":
                return new MarketplacecommerceanalyticsServiceMetadata();
            case "media-pipelines-chime":
                return new MediaPipelinesChimeServiceMetadata();
            case "mediaconnect":
                return new MediaconnectServiceMetadata();
            case "mediaconvert":
                return new MediaconvertServiceMetadata();
            case "medialive":
                return new MedialiveServiceMetadata();
            case "mediapackage":
                return new MediapackageServiceMetadata();
            case "mediapackage-vod":
                return new MediapackageVodServiceMetadata();
            case "mediapackagev2":
                return new Mediapackagev2ServiceMetadata();
            case "mediastore":
                return new MediastoreServiceMetadata();
            case "meetings-chime":
                return new MeetingsChimeServiceMetadata();
            case "memory-db":
                return new MemoryDbServiceMetadata();
            case "messaging-chime":
                return new MessagingChimeServiceMetadata();
            case "metering.marketplace":
                return new MeteringMarketplaceServiceMetadata();
            case "metrics.sagemaker":
                return new MetricsSagemakerServiceMetadata();
            case "mgh":
                return new MghServiceMetadata();
            case "mgn":
                return new MgnServiceMetadata();
            case "migrationhub-orchestrator":
                return new MigrationhubOrchestratorServiceMetadata();
            case "migrationhub-strategy":
                return new MigrationhubStrategyServiceMetadata();
            case "mobileanalytics":
                return new MobileanalyticsServiceMetadata();
            case "models-v2-lex":
                return new ModelsV2LexServiceMetadata();
            case "models.lex":
                return new ModelsLexServiceMetadata();
            case "monitoring":
                return new MonitoringServiceMetadata();
            case "mq":
                return new MqServiceMetadata();
            case "mturk-requester":
                return new MturkRequesterServiceMetadata();
            case "neptune":
                return new NeptuneServiceMetadata();
            case "network-firewall":
                return new NetworkFirewallServiceMetadata();
            case "networkmanager":
                return new NetworkmanagerServiceMetadata();
            case "notifications":
                return new NotificationsServiceMetadata();
            case "notifications-contacts":
                return new NotificationsContactsServiceMetadata();
            case "oam":
                return new OamServiceMetadata();
            case "oidc":
                return new OidcServiceMetadata();
            case "omics":
                return new OmicsServiceMetadata();
            case "organizations":
                return new OrganizationsServiceMetadata();
            case "osis":
                return new OsisServiceMetadata();
            case "outposts":
                return new OutpostsServiceMetadata();
            case "participant.connect":
                return new ParticipantConnectServiceMetadata();
            case "personalize":
                return new PersonalizeServiceMetadata();
            case "pi":
                return new PiServiceMetadata();
            case "pinpoint":
                return new PinpointServiceMetadata();
            case "pipes":
                return new PipesServiceMetadata();
            case "polly":
                return new PollyServiceMetadata();
            case "portal.sso":
                return new PortalSsoServiceMetadata();
            case "profile":
                return new ProfileServiceMetadata();
            case "proton":
                return new ProtonServiceMetadata();
            case "qbusiness":
                return new QbusinessServiceMetadata();
            case "query.timestream":
                return new QueryTimestreamServiceMetadata();
            case "quicksight":
                return new QuicksightServiceMetadata();
            case "ram":
                return new RamServiceMetadata();
            case "rbin":
                return new RbinServiceMetadata();
            case "rds":
                return new RdsServiceMetadata();
            case "rds-data":
                return new RdsDataServiceMetadata();
            case "redshift":
                return new RedshiftServiceMetadata();
            case "redshift-serverless":
                return new RedshiftServerlessServiceMetadata();
            case "rekognition":
                return new RekognitionServiceMetadata();
            case "resiliencehub":
                return new ResiliencehubServiceMetadata();
            case "resource-explorer-2":
                return new ResourceExplorer2ServiceMetadata();
            case "resource-groups":
                return new ResourceGroupsServiceMetadata();
            case "rolesanywhere":
                return new RolesanywhereServiceMetadata();
            case "route53":
                return new Route53ServiceMetadata();
            case "route53-recovery-control-config":
                return new Route53RecoveryControlConfigServiceMetadata();
            case "route53domains":
                return new Route53domainsServiceMetadata();
            case "route53profiles":
                return new Route53profilesServiceMetadata();
            case "route53resolver":
                return new Route53resolverServiceMetadata();
            case "rum":
                return new RumServiceMetadata();
            case "runtime-v2-lex":
                return new RuntimeV2LexServiceMetadata();
            case "runtime.lex":
                return new RuntimeLexServiceMetadata();
            case "runtime.sagemaker":
                return new RuntimeSagemakerServiceMetadata();
            case "s3":
                return new EnhancedS3ServiceMetadata();
            case "s3-control":
                return new S3ControlServiceMetadata();
            case "s3-outposts":
                return new S3OutpostsServiceMetadata();
            case "sagemaker-geospatial":
                return new SagemakerGeospatialServiceMetadata();
            case "savingsplans":
                return new SavingsplansServiceMetadata();
            case "scheduler":
                return new SchedulerServiceMetadata();
            case "schemas":
                return new SchemasServiceMetadata();
            case "sdb":
                return new SdbServiceMetadata();
            case "secretsmanager":
                return new SecretsmanagerServiceMetadata();
            case "securityhub":
                return new SecurityhubServiceMetadata();
            case "securitylake":
                return new SecuritylakeServiceMetadata();
            case "serverlessrepo":
                return new ServerlessrepoServiceMetadata();
            case "servicecatalog":
                return new ServicecatalogServiceMetadata();
            case "servicecatalog-appregistry":
                return new ServicecatalogAppregistryServiceMetadata();
            case "servicediscovery":
                return new ServicediscoveryServiceMetadata();
            case "servicequotas":
                return new ServicequotasServiceMetadata();
            case "shield":
                return new ShieldServiceMetadata();
            case "signer":
                return new SignerServiceMetadata();
            case "simspaceweaver":
                return new SimspaceweaverServiceMetadata();
            case "sms-voice":
                return new SmsVoiceServiceMetadata();
            case "snowball":
                return new SnowballServiceMetadata();
            case "sns":
                return new SnsServiceMetadata();
            case "sqs":
                return new SqsServiceMetadata();
            case "ssm":
                return new SsmServiceMetadata();
            case "ssm-contacts":
                return new SsmContactsServiceMetadata();
            case "ssm-incidents":
                return new SsmIncidentsServiceMetadata();
            case "ssm-quicksetup":
                return new SsmQuicksetupServiceMetadata();
            case "ssm-sap":
                return new SsmSapServiceMetadata();
            case "sso":
                return new SsoServiceMetadata();
            case "states":
                return new StatesServiceMetadata();
            case "storagegateway":
                return new StoragegatewayServiceMetadata();
            case "streams.dynamodb":
                return new StreamsDynamodbServiceMetadata();
            case "sts":
                return new StsServiceMetadata();
            case "support":
                return new SupportServiceMetadata();
            case "supportapp":
                return new SupportappServiceMetadata();
            case "swf":
                return new SwfServiceMetadata();
            case "synthetics":
                return new SyntheticsServiceMetadata();
            case "tagging":
                return new TaggingServiceMetadata();
            case "tax":
                return new TaxServiceMetadata();
            case "textract":
                return new TextractServiceMetadata();
            case "thinclient":
                return new ThinclientServiceMetadata();
            case "tnb":
                return new TnbServiceMetadata();
            case "transcribe":
                return new TranscribeServiceMetadata();
            case "transcribestreaming":
                return new TranscribestreamingServiceMetadata();
            case "transfer":
                return new TransferServiceMetadata();
            case "translate":
                return new TranslateServiceMetadata();
            case "trustedadvisor":
                return new TrustedadvisorServiceMetadata();
            case "verifiedpermissions":
                return new VerifiedpermissionsServiceMetadata();
            case "voice-chime":
                return new VoiceChimeServiceMetadata();
            case "voiceid":
                return new VoiceidServiceMetadata();
            case "vpc-lattice":
                return new VpcLatticeServiceMetadata();
            case "waf":
                return new WafServiceMetadata();
            case "waf-regional":
                return new WafRegionalServiceMetadata();
            case "wafv2":
                return new Wafv2ServiceMetadata();
            case "wellarchitected":
                return new WellarchitectedServiceMetadata();
            case "wisdom":
                return new WisdomServiceMetadata();
            case "workdocs":
                return new WorkdocsServiceMetadata();
            case "workmail":
                return new WorkmailServiceMetadata();
            case "workspaces":
                return new WorkspacesServiceMetadata();
            case "workspaces-web":
                return new WorkspacesWebServiceMetadata();
            case "xray":
                return new XrayServiceMetadata();
            default:
                return null;
        }
    }
}
