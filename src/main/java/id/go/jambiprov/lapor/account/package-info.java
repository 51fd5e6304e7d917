/**
 * Users, roles and their scopes (jurisdiction or agency), login and API tokens. The API is the
 * {@link id.go.jambiprov.lapor.account.Actor} a use case acts for and the roles of the decree.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account")
package id.go.jambiprov.lapor.account;
