// Flood water: shallow pale blue to deep navy over 0..2 m, more opaque with depth (shallow sheets
// stay readable over the pale ground: 0.75 alpha at the wet threshold), with moving
// ripples (two crossing waves advancing with the frame number) so standing water reads as water.
in float v_depth;
in vec3 v_positionMC;

void main() {
  if (v_depth < 0.02) discard;
  float t = clamp(v_depth / 2.0, 0.0, 1.0);
  vec3 shallow = vec3(0.56, 0.82, 0.96);
  vec3 deep = vec3(0.04, 0.18, 0.52);
  vec3 colour = mix(shallow, deep, sqrt(t));
  float phase = float(czm_frameNumber) * 0.06;
  float ripple = sin(v_positionMC.x * 0.21 + phase) * sin(v_positionMC.y * 0.17 - phase * 0.8);
  colour += 0.05 * ripple;
  out_FragColor = vec4(colour, 0.75 + 0.2 * t);
}
