// Flood water surface (Cesium workspace): per-vertex depth drives colour and opacity in the
// fragment shader; positions are relative-to-eye so a city-wide grid keeps its precision.
in vec3 position3DHigh;
in vec3 position3DLow;
in float depth;
in float batchId;

out float v_depth;
out vec3 v_positionMC;

void main() {
  vec4 p = czm_computePosition();
  v_depth = depth;
  v_positionMC = position3DHigh + position3DLow;
  gl_Position = czm_modelViewProjectionRelativeToEye * p;
}
