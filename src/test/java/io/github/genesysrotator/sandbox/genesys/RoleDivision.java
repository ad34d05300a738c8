package io.github.genesysrotator.sandbox.genesys;

/**
 * A role granted to a client-credentials client in a division ({@code *} means all
 * divisions). The simulator ignores the division when it checks permissions.
 *
 * @param roleId the role id
 * @param divisionId the division id
 */
public record RoleDivision(String roleId, String divisionId) {

}
